// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CstaHealth, HealthDetails } from '@/shared/health'
import type { QuarantineEntry, QuarantinePage } from '@/shared/webhook-quarantine'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { HealthPage } from './health-page'

const NOW = Date.now()
const MINUTE = 60_000

const details = (csta: CstaHealth | null): HealthDetails => ({
  status: 'ok',
  uptimeSec: 3_725,
  agents: 60,
  clients: 3,
  webhooks: {
    applied: 1_204,
    stale: 2,
    duplicate: 5,
    ignored: { heartbeat: 4 },
    invalid: 1,
    unauthorized: 0,
    forbidden: 0,
    tooLarge: 0,
  },
  csta,
  quarantine: { total: 0, pending: 0, dropped: 0 },
  store: 'up',
  cluster: null,
})

const link = (over: Partial<CstaHealth>): CstaHealth => ({
  session: 'live',
  lastLoginAt: NOW - 2 * MINUTE,
  logins: 2,
  renewAt: null,
  lastCall: { at: NOW - 2 * MINUTE, status: 204 },
  lastError: null,
  ...over,
})

const AT = Date.UTC(2026, 11, 1, 2, 30) // 2026-12-01 10:30 in Shanghai

const entry = (id: number, overrides: Partial<QuarantineEntry> = {}): QuarantineEntry => ({
  id,
  receivedAt: AT + id * 1000,
  eventName: 'agentStateEvent',
  status: 400,
  reason: 'skills: expected a list',
  body: `{"eventName":"agentStateEvent","id":"500${id}@test.cc"}`,
  bytes: 52,
  bodyKept: true,
  bodyTruncated: false,
  times: 1,
  lastReceivedAt: AT + id * 1000,
  replayedAt: null,
  replayedBy: null,
  replayResult: null,
  ...overrides,
})

const pageOf = (entries: QuarantineEntry[], dropped = 0): QuarantinePage => ({
  total: entries.length,
  pending: entries.filter((e) => e.replayedAt === null).length,
  dropped,
  entries,
})

const health = (pending: number): HealthDetails => ({
  status: 'ok',
  uptimeSec: 3725,
  agents: 12,
  clients: 3,
  webhooks: {
    applied: 1200,
    stale: 2,
    duplicate: 1,
    invalid: 4,
    unauthorized: 0,
    forbidden: 0,
    tooLarge: 1,
    ignored: { queueStateEvent: 5 },
  },
  csta: null,
  quarantine: { total: pending, pending, dropped: 0 },
  store: 'up',
  cluster: null,
})

/** The quarantine below the figures, empty: tests of the link need no second retry button. */
const EMPTY_LIST = () => json(200, pageOf([]))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () => renderRoutes([{ path: '/', element: <HealthPage /> }], '/')
const section = (name: string) => screen.getByRole('region', { name })
const field = (region: HTMLElement, label: string) =>
  within(region).getByText(label).nextElementSibling?.textContent ?? ''

function card(name: RegExp | string): HTMLElement {
  return screen.getByRole('article', { name })
}

describe('HealthPage: the call-control link, the webhooks, the relay', () => {
  it('shows the call-control link’s last login, last call and last error, with times', async () => {
    fakeFetch({
      'GET /api/webhooks/quarantine': EMPTY_LIST,
      'GET /api/health/details': json(
        200,
        details(
          link({
            lastError: {
              at: NOW - 2 * MINUTE,
              kind: 'session_refused',
              status: 426,
              retried: false,
              detail: null,
            },
          }),
        ),
      ),
    })
    render()
    await screen.findByRole('heading', { name: '呼叫控制连接（CSTA）' })
    const csta = section('呼叫控制连接（CSTA）')
    // The session was refused and renewed; the call after it went through.
    expect(within(csta).getByText('正常')).toBeTruthy()
    expect(field(csta, '最近登录')).toBe('2 分钟前')
    expect(field(csta, '启动以来登录次数')).toBe('2')
    expect(field(csta, '最近一次操作请求')).toBe('2 分钟前 · HTTP 204')
    expect(field(csta, '最近错误')).toBe('2 分钟前 · 平台拒绝了会话，已重新登录并重试 (HTTP 426)')
    expect(field(csta, '提前重新登录时间')).toBe('仅在平台拒绝会话时')

    const hooks = section('回调事件（启动以来）')
    expect(field(hooks, '已应用')).toBe('1204')
    expect(field(hooks, '未使用的事件（202）')).toBe('4')
    expect(field(section('中继服务'), '运行时长')).toBe('1:02:05')
    expect(field(section('中继服务'), '数据存储')).toBe('连接正常')
    // A single process: no cluster rows.
    expect(within(section('中继服务')).queryByText('集群节点')).toBeNull()
  })

  it("shows a cluster node's link to Redis, what waits for the other nodes and who runs the scheduled work", async () => {
    fakeFetch({
      'GET /api/webhooks/quarantine': EMPTY_LIST,
      'GET /api/health/details': json(200, {
        ...details(null),
        cluster: { nodeId: 'relay-2', redis: 'down', unsent: 37, leader: false },
      }),
    })
    render()
    await screen.findByRole('heading', { name: '中继服务' })
    const relay = section('中继服务')
    expect(field(relay, '集群节点')).toBe('relay-2')
    expect(field(relay, 'Redis')).toBe('无法连接')
    expect(field(relay, '待同步给其他节点的消息')).toBe('37')
    expect(field(relay, '定时任务（清理、预算波形）')).toBe('由其他节点执行')
  })

  it('says the link is failing when the retry after a new login was refused too', async () => {
    fakeFetch({
      'GET /api/webhooks/quarantine': EMPTY_LIST,
      'GET /api/health/details': json(
        200,
        details(
          link({
            lastCall: { at: NOW - MINUTE, status: 426 },
            lastError: {
              at: NOW - MINUTE,
              kind: 'session_refused',
              status: 426,
              retried: true,
              detail: null,
            },
          }),
        ),
      ),
    })
    render()
    const heading = await screen.findByRole('heading', { name: '呼叫控制连接（CSTA）' })
    const csta = heading.closest('section')!
    expect(within(csta).getByText('出错')).toBeTruthy()
    expect(field(csta, '最近错误')).toContain('重新登录后平台仍拒绝了会话 (HTTP 426)')
  })

  it('says when CSTA is not configured, and offers a retry when the details fail', async () => {
    const fetch = fakeFetch({
      'GET /api/webhooks/quarantine': EMPTY_LIST,
      'GET /api/health/details': json(200, details(null)),
    })
    render()
    expect(await screen.findByText('未配置')).toBeTruthy()
    expect(screen.getByText(/班长操作不可用/)).toBeTruthy()
    cleanup()
    fetch.on('GET /api/health/details', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('无法加载运行状况')).toBeTruthy()
    fetch.on('GET /api/health/details', json(200, details(link({}))))
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('正常')).toBeTruthy()
  })
})

describe('HealthPage: the quarantine', () => {
  it('counts what waits and lists it newest first, each body as plain text, a long one folded', async () => {
    const hostile = '{"name":"<img src=x onerror=alert(1)>","reason":"\u202Eevil"}'
    const long = `{"eventName":"callEnd","userData":"${'x'.repeat(700)}TAIL"}`
    fakeFetch({
      'GET /api/health/details': json(200, health(2)),
      'GET /api/webhooks/quarantine': json(
        200,
        pageOf(
          [
            entry(2, {
              eventName: 'callEnd',
              reason: 'talkLength: expected seconds',
              body: long,
              bytes: 731,
            }),
            entry(1, { body: hostile, times: 3, lastReceivedAt: AT + 3 * 60_000 }),
          ],
          3,
        ),
      ),
    })
    render()
    const waiting = (await screen.findByText('待处理的隔离事件')).closest('div')!
    expect(waiting.textContent).toContain('2')
    expect(await screen.findByText('待处理 2 条 · 共 2 条')).toBeTruthy()
    expect(screen.getByText('超出保存上限，已按先旧后新丢弃 3 条。')).toBeTruthy()

    const articles = screen.getAllByRole('article')
    expect(articles.map((a) => within(a).getByRole('heading').textContent)).toEqual([
      'callEnd',
      'agentStateEvent',
    ])
    expect(articles[0]!.textContent).toContain('2026-12-01 10:30:02')
    expect(articles[0]!.textContent).toContain('原因：talkLength: expected seconds')
    expect(articles[1]!.textContent).toContain('共收到 3 次，最近一次 2026-12-01 10:33:00')

    // The hostile body is text: no element made of it, the override written out.
    const body = within(articles[1]!).getByLabelText('事件原文')
    expect(body.textContent).toBe('{"name":"<img src=x onerror=alert(1)>","reason":"\\u202Eevil"}')
    expect(document.querySelector('img')).toBeNull()

    // The long body shows its start until unfolded.
    const longBody = within(articles[0]!).getByLabelText('事件原文')
    expect(longBody.textContent).not.toContain('TAIL')
    const unfold = within(articles[0]!).getByRole('button', { name: '展开全文（731 字节）' })
    expect(unfold.getAttribute('aria-expanded')).toBe('false')
    await userEvent.click(unfold)
    expect(longBody.textContent).toContain('TAIL')
    expect(within(articles[0]!).getByRole('button', { name: '收起' })).toBeTruthy()
  })

  it('replays an entry and shows what came of it: still failing with the reason, or applied', async () => {
    let list = pageOf([entry(8), entry(7)])
    const fetch = fakeFetch({
      'GET /api/health/details': () => json(200, health(list.pending)),
      'GET /api/webhooks/quarantine': () => json(200, list),
      'POST /api/webhooks/quarantine/7/replay': json(400, {
        error: 'invalid_event',
        message:
          "stateChangeTime: expected a time from 2000-01-01 to one day past the relay's clock",
        webhookStatus: 400,
      }),
      'POST /api/webhooks/quarantine/8/replay': () => {
        const replayed = entry(8, {
          replayedAt: AT + 60_000,
          replayedBy: 'ops',
          replayResult: 'applied',
        })
        list = pageOf([replayed, entry(7)])
        return json(200, { result: 'applied', entry: replayed })
      },
    })
    render()
    await screen.findAllByRole('article')
    const time7 = '2026-12-01 10:30:07'
    await userEvent.click(screen.getByRole('button', { name: `重放 agentStateEvent（${time7}）` }))
    expect(
      await within(card(new RegExp(time7))).findByText(
        "仍无法应用：stateChangeTime: expected a time from 2000-01-01 to one day past the relay's clock",
      ),
    ).toBeTruthy()

    const [first] = screen.getAllByRole('article')
    await userEvent.click(within(first!).getByRole('button', { name: /^重放/ }))
    expect(await within(first!).findByText('已重放：已应用')).toBeTruthy()
    await waitFor(() => expect(within(first!).queryByRole('button', { name: /^重放/ })).toBeNull())
    expect(within(first!).getByText('已重放 · 已应用')).toBeTruthy()
    expect(within(first!).getByText('ops 于 2026-12-01 10:31:00 重放')).toBeTruthy()
    expect(await screen.findByText('待处理 1 条 · 共 2 条')).toBeTruthy()
    expect(fetch.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/webhooks/quarantine/7/replay',
      '/api/webhooks/quarantine/8/replay',
    ])
  })

  it('says so while loading, when nothing waits, when the list fails, and when the admin may not', async () => {
    const fetch = fakeFetch({
      'GET /api/health/details': json(200, health(0)),
      'GET /api/webhooks/quarantine': () => new Promise<Response>(() => {}),
    })
    render()
    expect(await screen.findByText('正在加载隔离的事件…')).toBeTruthy()
    cleanup()

    fetch.on('GET /api/webhooks/quarantine', json(200, pageOf([])))
    render()
    expect(await screen.findByText('没有隔离的事件')).toBeTruthy()
    cleanup()

    fetch.on('GET /api/webhooks/quarantine', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('无法加载隔离的事件')).toBeTruthy()
    fetch.on('GET /api/webhooks/quarantine', json(200, pageOf([entry(1)])))
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('article')).toBeTruthy()
    cleanup()

    fetch.on(
      'GET /api/webhooks/quarantine',
      json(403, { error: 'forbidden', message: 'only an admin of the whole tenant' }),
    )
    render()
    expect(await screen.findByText('只有整个租户的管理员才能查看隔离的事件')).toBeTruthy()
  })

  it('counts what waits among the webhook figures, links it to the list, and refreshes both', async () => {
    const fetch = fakeFetch({
      'GET /api/health/details': json(200, {
        ...details(link({})),
        quarantine: { total: 3, pending: 2, dropped: 0 },
      }),
      'GET /api/webhooks/quarantine': json(200, pageOf([entry(2), entry(1)])),
    })
    render()
    await screen.findAllByRole('article')
    // The call-control card and the quarantine share the page.
    expect(within(section('呼叫控制连接（CSTA）')).getByText('正常')).toBeTruthy()
    const hooks = section('回调事件（启动以来）')
    const count = within(hooks).getByRole('link', { name: '待处理的隔离事件' })
    expect(count.closest('dt')?.nextElementSibling?.textContent).toBe('2')
    const target = document.getElementById(count.getAttribute('href')!.replace(/^#/, ''))
    expect(target?.textContent).toBe('隔离的回调事件')

    const lists = () => fetch.calls.filter((c) => c.path === '/api/webhooks/quarantine').length
    expect(lists()).toBe(1)
    await userEvent.click(screen.getByRole('button', { name: '刷新' }))
    await waitFor(() => expect(lists()).toBe(2))
    cleanup()

    // Nothing waiting: a plain zero, nothing to follow.
    fetch.on('GET /api/health/details', json(200, details(link({}))))
    render()
    const quiet = await screen.findByRole('region', { name: '回调事件（启动以来）' })
    expect(field(quiet, '待处理的隔离事件')).toBe('0')
    expect(within(quiet).queryByRole('link')).toBeNull()
  })
})
