// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebhookTokenView } from '@/shared/webhook-tokens'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { WebhookTokensPage } from './webhook-tokens-page'

const SECRET = 'Zq3-secret-of-the-new-token_0123'

const token = (id: number, name: string, revokedAt: number | null = null): WebhookTokenView => ({
  id,
  name,
  namespace: 'test.cc',
  createdBy: 'admin',
  createdAt: Date.UTC(2026, 11, 1),
  revokedAt,
  lastUsedAt: null,
})

const listOf = (tokens: WebhookTokenView[], settingsCount = 1) =>
  json(200, { tokens, settings: { count: settingsCount, lastUsedAt: null } })

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () =>
  renderRoutes([{ path: '/', element: <WebhookTokensPage namespace="test.cc" /> }], '/')

describe('WebhookTokensPage', () => {
  it('says so when there are none yet, when the list fails, and when the admin may not', async () => {
    const fetch = fakeFetch({ 'GET /api/webhook-tokens': listOf([]) })
    render()
    expect(await screen.findByText('还没有在此创建的令牌')).toBeTruthy()
    expect(screen.getByText(/也接收本租户事件的令牌：1 个/)).toBeTruthy()
    cleanup()
    fetch.on('GET /api/webhook-tokens', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('无法加载回调令牌')).toBeTruthy()
    cleanup()
    fetch.on(
      'GET /api/webhook-tokens',
      json(403, { error: 'forbidden', message: 'only an admin of the whole tenant' }),
    )
    render()
    expect(await screen.findByText('只有整个租户的管理员才能管理回调令牌')).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '新建令牌' }).disabled).toBe(true)
  })

  it('shows a new token once, with a copy button; the list then shows it without the secret', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const created = token(7, '生产回调')
    const fetch = fakeFetch({
      'GET /api/webhook-tokens': listOf([]),
      'POST /api/webhook-tokens': () => {
        fetch.on('GET /api/webhook-tokens', listOf([created]))
        return json(201, { token: created, path: `/webhooks/wellcloud?token=${SECRET}` })
      },
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '新建令牌' }))
    const form = screen.getByRole('dialog', { name: '新建回调令牌' })
    await userEvent.click(within(form).getByRole('button', { name: '创建' }))
    expect(await within(form).findByText('必填')).toBeTruthy()
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false)
    await userEvent.type(within(form).getByLabelText(/^名称/), '生产回调{Enter}')

    const shown = await screen.findByRole('dialog', { name: '回调令牌已创建' })
    const url = `${window.location.origin}/webhooks/wellcloud?token=${SECRET}`
    expect(within(shown).getByLabelText<HTMLInputElement>('回调地址').value).toBe(url)
    expect(shown.textContent).toContain('令牌只显示这一次')
    await userEvent.click(within(shown).getByRole('button', { name: '复制' }))
    expect(writeText).toHaveBeenCalledWith(url)
    expect(await within(shown).findByRole('button', { name: '已复制' })).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({ name: '生产回调' })

    await userEvent.click(within(shown).getByRole('button', { name: '关闭' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const row = (await screen.findByRole('rowheader', { name: '生产回调' })).closest('tr')!
    expect(row.textContent).toContain('test.cc')
    expect(row.textContent).toContain('从未使用')
    expect(document.body.textContent).not.toContain(SECRET)
  })

  it('revokes a token only after asking, then shows it revoked', async () => {
    const fetch = fakeFetch({
      'GET /api/webhook-tokens': listOf([token(3, '旧回调'), token(4, '新回调')]),
      'DELETE /api/webhook-tokens/3': () => {
        fetch.on(
          'GET /api/webhook-tokens',
          listOf([token(3, '旧回调', Date.UTC(2026, 11, 5)), token(4, '新回调')]),
        )
        return new Response(null, { status: 204 })
      },
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '吊销 旧回调' }))
    const confirm = screen.getByRole('dialog', { name: '吊销回调令牌“旧回调”？' })
    expect(confirm.textContent).toContain('此后携带此令牌的事件都会被拒绝')
    expect(fetch.calls.some((c) => c.method === 'DELETE')).toBe(false)
    // Cancel has the focus: Enter alone does not revoke.
    expect(document.activeElement?.textContent).toBe('取消')
    await userEvent.click(within(confirm).getByRole('button', { name: '吊销' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fetch.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/webhook-tokens/3',
    ])
    await waitFor(() => expect(screen.queryByRole('button', { name: '吊销 旧回调' })).toBeNull())
    const row = screen.getByRole('rowheader', { name: '旧回调' }).closest('tr')!
    expect(row.textContent).toContain('已吊销')
    expect(screen.getByRole('button', { name: '吊销 新回调' })).toBeTruthy()
    expect(screen.getByText('有效 1 个 · 共 2 个')).toBeTruthy()
  })
})
