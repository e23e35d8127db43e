// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '@/shared/auth'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { ProfilePage } from './profile-page'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const LEAD: Me = {
  kind: 'user',
  id: 2,
  username: 'lead',
  role: 'supervisor',
  scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
  deviceId: null,
  phoneNumber: '8002',
}

function render(onSaved = vi.fn(), me = LEAD) {
  renderRoutes(
    [
      {
        path: '/',
        element: <ProfilePage me={me} canAct={me.role !== 'viewer'} onSaved={onSaved} />,
      },
    ],
    '/',
  )
  return onSaved
}

const extension = () => screen.getByLabelText('我的分机')
const number = () => screen.getByLabelText('我的号码')
const save = () => userEvent.click(screen.getByRole('button', { name: '保存' }))

describe('ProfilePage', () => {
  it('explains each field, and saves both (an empty one as null)', async () => {
    const fetch = fakeFetch({
      'PATCH /api/me': (body) => json(200, { ...LEAD, ...(body as object) }),
    })
    const onSaved = render()
    expect(screen.getByText(/监听时平台会呼叫这个分机/)).toBeTruthy()
    expect(screen.getByText(/接管或强插时通话会转到或加入这个号码/)).toBeTruthy()
    expect((number() as HTMLInputElement).value).toBe('8002')
    await userEvent.type(extension(), '8002@test.cc')
    await userEvent.clear(number())
    await save()
    expect(await screen.findByText('已保存。')).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      deviceId: '8002@test.cc',
      phoneNumber: null,
    })
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ deviceId: '8002@test.cc', phoneNumber: null }),
    )
  })

  it('checks the fields before sending anything', async () => {
    const fetch = fakeFetch()
    render()
    await userEvent.type(extension(), '80 02')
    await userEvent.clear(number())
    await userEvent.type(number(), '139-abc')
    await save()
    expect(screen.getByText('请输入分机号，例如 8002 或 8002@test.cc')).toBeTruthy()
    expect(
      screen.getByText('只能包含数字（可带 +、*、#、-），例如 8002 或 13912345678'),
    ).toBeTruthy()
    expect(extension().getAttribute('aria-invalid')).toBe('true')
    expect(fetch.calls).toEqual([])
  })

  it('shows the relay’s 400 at the field it names', async () => {
    fakeFetch({
      'PATCH /api/me': json(400, {
        error: 'invalid_request',
        message: 'deviceId: an extension such as 8002 or 8002@test.cc',
      }),
    })
    const onSaved = render()
    await userEvent.type(extension(), '8002')
    await save()
    expect(await screen.findByText('an extension such as 8002 or 8002@test.cc')).toBeTruthy()
    expect(extension().getAttribute('aria-invalid')).toBe('true')
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('tells a viewer these settings are not used by their role', () => {
    fakeFetch()
    render(vi.fn(), { ...LEAD, username: 'viewer', role: 'viewer' })
    expect(screen.getByText('你的角色（观察员）不能操作坐席，这些设置暂时用不到。')).toBeTruthy()
  })
})

describe('ProfilePage opened from an action', () => {
  it('offers the way back to the floor as it was, and only inside the app', async () => {
    const { router } = renderRoutes(
      [
        { path: '/', element: <p>floor</p> },
        { path: '/profile', element: <ProfilePage me={LEAD} canAct onSaved={vi.fn()} /> },
      ],
      '/',
    )
    await act(() => router.navigate('/profile', { state: { from: '/?q=54&density=table' } }))
    const back = screen.getByRole('link', { name: '返回刚才的页面' })
    expect(back.getAttribute('href')).toBe('/?q=54&density=table')
    await userEvent.click(back)
    expect(router.state.location.search).toBe('?q=54&density=table')

    await act(() => router.navigate('/profile', { state: { from: '//elsewhere.example/' } }))
    expect(screen.queryByRole('link', { name: '返回刚才的页面' })).toBeNull()
  })
})
