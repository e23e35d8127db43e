// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '@/shared/audit'
import { json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { AuditPage } from './audit-page'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const entry = (id: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: Date.UTC(2025, 0, 6, 2, 30, 5), // 10:30:05 in Shanghai
  username: 'lead',
  agentId: '5002@test.cc',
  deviceId: '8002@test.cc',
  callId: 'a8307aa5-1c2d-4e5f-9a0b-123456789abc',
  op: 'listen',
  reason: null,
  supervisorDevice: '8099@test.cc',
  outcome: 'ok',
  status: 200,
  upstreamStatus: 204,
  message: null,
  latencyMs: 12,
  ...overrides,
})

/** Answers `/api/audit` with `page`, and records every query string asked. */
function stubAudit(answer: (search: URLSearchParams) => Response) {
  const asked: URLSearchParams[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost')
      if (url.pathname === '/api/users') return json(200, [])
      asked.push(url.searchParams)
      return answer(url.searchParams)
    }),
  )
  return asked
}

const render = (url: string) =>
  renderRoutes([{ path: '/admin/audit', element: <AuditPage /> }], url)

describe('AuditPage', () => {
  it('asks the relay with the URL’s filters and lists the entries in platform time', async () => {
    const asked = stubAudit(() =>
      json(200, {
        total: 2,
        entries: [
          entry(2, {
            op: 'not-ready',
            reason: '会议',
            callId: null,
            supervisorDevice: null,
            upstreamStatus: null,
            outcome: 'refused',
            status: 409,
            message: 'the agent is already not ready',
            latencyMs: null,
          }),
          entry(1),
        ],
      }),
    )
    const { router } = render('/admin/audit?from=2025-01-06&to=2025-01-06&user=lead&page=1')
    await screen.findByText('会议')
    const table = screen.getByRole('table', { name: '审计日志' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(rows[1]?.textContent).toContain('2025-01-06 10:30:05')
    expect(rows[1]?.textContent).toContain('强制离席')
    expect(rows[1]?.textContent).toContain('会议')
    expect(within(rows[1]!).getByText('被拒绝')).toBeTruthy()
    expect(rows[2]?.textContent).toContain('监听')
    expect(rows[2]?.textContent).toContain('8099@test.cc')
    expect(rows[2]?.textContent).toContain('12 ms')
    expect(screen.getByText('共 2 条')).toBeTruthy()
    expect(Object.fromEntries(asked[0]!)).toEqual({
      from: String(Date.UTC(2025, 0, 5, 16)),
      to: String(Date.UTC(2025, 0, 6, 16)),
      username: 'lead',
      limit: '50',
      offset: '0',
    })
    // The export takes the same filters, without paging, in the screen's language.
    expect(screen.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe(
      `/api/audit.csv?from=${Date.UTC(2025, 0, 5, 16)}&to=${Date.UTC(2025, 0, 6, 16)}&username=lead&lang=zh`,
    )

    // A filter lands in the URL and in the next query, back on the first page.
    await userEvent.click(screen.getByRole('combobox', { name: '操作' }))
    await userEvent.click(screen.getByRole('option', { name: '强制离席' }))
    await waitFor(() => expect(asked.at(-1)?.get('op')).toBe('not-ready'))
    expect(new URLSearchParams(router.state.location.search).get('op')).toBe('not-ready')
  })

  it('pages on the server', async () => {
    const asked = stubAudit((q) =>
      json(200, { total: 120, entries: [entry(Number(q.get('offset')) + 1)] }),
    )
    const { router } = render('/admin/audit')
    expect(await screen.findByText('第 1–50 条，共 120 条')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: /下一页|next page/i }))
    await waitFor(() => expect(asked.at(-1)?.get('offset')).toBe('50'))
    expect(router.state.location.search).toBe('?page=2')
    expect(await screen.findByText('第 51–100 条，共 120 条')).toBeTruthy()
  })

  it('says when the log is empty, when nothing matches, and when it cannot be loaded', async () => {
    stubAudit(() => json(200, { total: 0, entries: [] }))
    render('/admin/audit')
    expect(await screen.findByText('还没有操作记录')).toBeTruthy()
    cleanup()
    render('/admin/audit?outcome=failed')
    expect(await screen.findByText('没有符合筛选条件的记录')).toBeTruthy()
    cleanup()
    stubAudit(() => json(500, { error: 'internal', message: 'boom' }))
    render('/admin/audit')
    expect(await screen.findByText('无法加载审计日志')).toBeTruthy()
  })
})
