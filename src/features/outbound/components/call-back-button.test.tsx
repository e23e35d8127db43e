// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { orderHeld } from '@/lib/order-hold'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { agent, snapshot } from '@/testing/fixtures'
import { renderRoutes } from '@/testing/render-app'
import { CallBackButtonImpl } from './call-back-button'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const FLOOR = snapshot([
  agent(1, { name: '张三' }),
  agent(2, { name: '李四', channelAddr: '8990@test.cc' }),
  agent(3, { name: '王五', acState: 'LogOut' }),
])

function render(myDeviceId: string | null = '8002@test.cc') {
  return renderRoutes(
    [
      {
        path: '/',
        element: (
          <CallBackButtonImpl
            customerPhone="13912345678"
            forCallId="call-1"
            myDeviceId={myDeviceId}
            profilePath="/profile"
          />
        ),
      },
      { path: '/profile', element: <p>个人资料页</p> },
    ],
    '/',
  )
}

const routes = (extra: Record<string, Parameters<ReturnType<typeof fakeFetch>['on']>[1]> = {}) =>
  fakeFetch({
    'GET /api/outbound/settings': json(200, { prefix: '9' }),
    'GET /api/floor': json(200, FLOOR),
    ...extra,
  })

async function openDialog() {
  await userEvent.click(await screen.findByRole('button', { name: '回拨 13912345678' }))
  return screen.findByRole('dialog', { name: '回拨客户' })
}

describe('CallBackButtonImpl', () => {
  it('rings my own extension by default, with the admin’s prefix, and says what happens', async () => {
    const fetch = routes({
      'POST /api/double-calls': json(200, {
        callId: 'dc-1',
        deviceId: '8002@test.cc',
        prefix: '9',
      }),
    })
    render()
    expect(orderHeld()).toBe(false)
    const dialog = await openDialog()
    // Live lists keep their places while the lead decides.
    expect(orderHeld()).toBe(true)
    expect(within(dialog).getByLabelText<HTMLInputElement>('客户号码').value).toBe('139 1234 5678')
    expect(within(dialog).getByLabelText<HTMLInputElement>('我的分机 8002').checked).toBe(true)
    await vi.waitFor(() =>
      expect(within(dialog).getByLabelText<HTMLInputElement>('外呼前缀').value).toBe('9'),
    )
    await userEvent.click(within(dialog).getByRole('button', { name: '发起回拨' }))
    expect(
      await screen.findByText(
        '已发起回拨，先呼叫分机 8002，接通后呼叫客户 139 1234 5678（通话 dc-1）',
      ),
    ).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
      customerPhone: '13912345678',
      prefix: '9',
      forCallId: 'call-1',
    })
    // The dialog closed, and the focus went back to the button that opened it.
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(orderHeld()).toBe(false)
    await vi.waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('回拨 13912345678'),
    )
  })

  it('rings a logged-in agent’s extension when one is chosen, found by extension', async () => {
    const fetch = routes({
      'POST /api/double-calls': json(200, { callId: 'dc-2', deviceId: '8990@test.cc', prefix: '' }),
    })
    render()
    const dialog = await openDialog()
    await userEvent.click(within(dialog).getByLabelText('坐席的分机'))
    const picker = within(dialog).getByRole('combobox', { name: '坐席' })
    await userEvent.type(picker, '8990')
    const options = await screen.findAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['李四（5002）· 分机 8990 · 就绪'])
    await userEvent.click(options[0]!)
    // A prefix cleared means none.
    await userEvent.clear(within(dialog).getByLabelText('外呼前缀'))
    await userEvent.click(within(dialog).getByRole('button', { name: '发起回拨' }))
    expect(await screen.findByText(/先呼叫分机 8990/)).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
      customerPhone: '13912345678',
      deviceId: '8990@test.cc',
      prefix: '',
      forCallId: 'call-1',
    })
  })

  it('lists the logged-in agents by name, not those logged out', async () => {
    routes()
    render()
    const dialog = await openDialog()
    await userEvent.click(within(dialog).getByLabelText('坐席的分机'))
    await userEvent.click(within(dialog).getByRole('combobox', { name: '坐席' }))
    const options = await screen.findAllByRole('option')
    // By name, as Chinese sorts it (Li before Zhang).
    expect(options.map((o) => o.textContent)).toEqual([
      '李四（5002）· 分机 8990 · 就绪',
      '张三（5001）· 分机 8001 · 就绪',
    ])
  })

  it('words the platform’s refusal in the dialog, which stays open', async () => {
    routes({
      'POST /api/double-calls': json(400, {
        error: 'outbound_device_without_domain',
        message: 'the platform refused the extension',
        messages: {
          code: 'outbound.deviceWithoutDomain',
          zh: '服务器的原话',
          en: 'the relay’s words',
        },
      }),
    })
    render()
    const dialog = await openDialog()
    await userEvent.click(within(dialog).getByRole('button', { name: '发起回拨' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      '平台认为分机号不合法：缺少域名（应如 8001@test.cc）',
    )
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('without an extension in my profile: says so, links to it, and asks for an agent', async () => {
    const fetch = routes({
      'POST /api/double-calls': json(409, {
        error: 'profile_incomplete',
        message: 'deviceId: set your extension in your profile',
        field: 'deviceId',
      }),
    })
    render(null)
    const dialog = await openDialog()
    expect(within(dialog).getByLabelText<HTMLInputElement>('我的分机（未设置）').disabled).toBe(
      true,
    )
    expect(within(dialog).getByRole('link', { name: '去个人资料设置分机' })).toBeTruthy()
    await userEvent.click(within(dialog).getByRole('button', { name: '发起回拨' }))
    expect(await within(dialog).findByText('请选择一位坐席')).toBeTruthy()
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('words a missing extension the relay reports, with the way to the profile', async () => {
    routes({
      'POST /api/double-calls': json(409, {
        error: 'profile_incomplete',
        message: 'deviceId: set your extension in your profile',
        field: 'deviceId',
      }),
    })
    render()
    const dialog = await openDialog()
    await userEvent.click(within(dialog).getByRole('button', { name: '发起回拨' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('请先在个人资料中设置你的分机号。')
    await userEvent.click(within(alert).getByRole('link', { name: '去个人资料设置分机' }))
    expect(await screen.findByText('个人资料页')).toBeTruthy()
  })

  it('draws nothing for a number that is not a phone number', () => {
    renderRoutes(
      [
        {
          path: '/',
          element: (
            <CallBackButtonImpl customerPhone="anonymous" myDeviceId={null} profilePath="/p" />
          ),
        },
      ],
      '/',
    )
    expect(screen.queryByRole('button')).toBeNull()
  })
})
