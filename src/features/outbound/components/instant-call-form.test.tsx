// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { InstantCallForm } from './instant-call-form'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () => renderRoutes([{ path: '/', element: <InstantCallForm /> }], '/')

describe('InstantCallForm', () => {
  it('shows what is wrong under each field, and sends nothing', async () => {
    const fetch = fakeFetch({
      'GET /api/outbound/recent-activities': json(200, { activityIds: [] }),
    })
    render()
    await userEvent.type(screen.getByLabelText(/被叫号码/), '12ab')
    await userEvent.type(screen.getByLabelText(/^主叫/), 'someone')
    await userEvent.click(screen.getByRole('button', { name: '发起外呼' }))
    const helper = (label: RegExp) =>
      screen.getByLabelText(label).closest('.MuiFormControl-root')!.textContent
    expect(helper(/活动 ID/)).toContain('必填')
    expect(helper(/名单 ID/)).toContain('必填')
    expect(helper(/被叫号码/)).toContain('请输入电话号码：3–20 位数字，可带开头的 +')
    expect(helper(/^主叫/)).toContain('请输入电话号码或分机号')
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('offers recent activity ids, sends the call and shows the platform’s answer', async () => {
    const fetch = fakeFetch({
      'GET /api/outbound/recent-activities': json(200, { activityIds: ['camp-7', 'camp-3'] }),
      'POST /api/outbound/instant': json(200, { result: '0', reason: null }),
    })
    render()
    await userEvent.click(screen.getByLabelText(/活动 ID/))
    await userEvent.click(await screen.findByRole('option', { name: 'camp-3' }))
    await userEvent.type(screen.getByLabelText(/名单 ID/), 'r-1')
    await userEvent.type(screen.getByLabelText(/被叫号码/), '13912345678')
    await userEvent.type(screen.getByLabelText(/^主叫/), '8001')
    await userEvent.click(screen.getByRole('button', { name: '添加一项' }))
    await userEvent.type(screen.getByLabelText('键 1'), 'name')
    await userEvent.type(screen.getByLabelText('值 1'), '张三')
    await userEvent.click(screen.getByRole('button', { name: '发起外呼' }))
    expect(await screen.findByText('平台答复：结果 0，原因：无')).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
      activityId: 'camp-3',
      rosterId: 'r-1',
      callee: '13912345678',
      caller: '8001',
      data: { name: '张三' },
    })
  })

  it('words a refusal naming a field', async () => {
    fakeFetch({
      'GET /api/outbound/recent-activities': json(200, { activityIds: [] }),
      'POST /api/outbound/instant': json(400, {
        error: 'invalid_request',
        message: 'caller: not an extension of this tenant',
      }),
    })
    render()
    await userEvent.type(screen.getByLabelText(/活动 ID/), 'camp-7')
    await userEvent.type(screen.getByLabelText(/名单 ID/), 'r-1')
    await userEvent.type(screen.getByLabelText(/被叫号码/), '13912345678')
    await userEvent.type(screen.getByLabelText(/^主叫/), '8001@other.cc')
    await userEvent.click(screen.getByRole('button', { name: '发起外呼' }))
    const alert = await screen.findByRole('alert')
    expect(
      within(alert.parentElement!).getByText('caller 不正确：not an extension of this tenant'),
    ).toBeTruthy()
  })
})
