// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { OutboundSettingsPage } from './outbound-settings-page'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () => renderRoutes([{ path: '/', element: <OutboundSettingsPage /> }], '/')

describe('OutboundSettingsPage', () => {
  it('shows the prefix and saves a new one', async () => {
    const fetch = fakeFetch({
      'GET /api/outbound/settings': json(200, { prefix: '9' }),
      'PUT /api/outbound/settings': (body) => json(200, body),
    })
    render()
    const field = await screen.findByLabelText<HTMLInputElement>('外呼前缀')
    expect(field.value).toBe('9')
    await userEvent.clear(field)
    await userEvent.type(field, '0{Enter}')
    expect(await screen.findByText('已保存')).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual({ prefix: '0' })
  })

  it('refuses a prefix that is not digits, * or #, and says why the relay refused', async () => {
    const fetch = fakeFetch({
      'GET /api/outbound/settings': json(200, { prefix: '' }),
      'PUT /api/outbound/settings': json(403, { error: 'forbidden', message: 'admins only' }),
    })
    render()
    const field = await screen.findByLabelText('外呼前缀')
    await userEvent.type(field, '9a')
    expect(screen.getByText('只能是数字、* 或 #，最多 10 位')).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '保存' }).disabled).toBe(true)
    await userEvent.clear(field)
    await userEvent.type(field, '*9{Enter}')
    expect((await screen.findByRole('alert')).textContent).toBe('你的角色不能外呼或上传名单')
    expect(fetch.calls.filter((c) => c.method === 'PUT')).toHaveLength(1)
  })

  it('says when the settings cannot be loaded', async () => {
    fakeFetch({ 'GET /api/outbound/settings': json(500, { error: 'internal', message: 'boom' }) })
    render()
    expect(await screen.findByText('外呼设置无法加载')).toBeTruthy()
  })
})
