// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AgentTimeline as Timeline } from '@/shared/timeline'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { agent } from '@/testing/fixtures'
import { fakeLayout } from '@/testing/render'
import { renderRoutes } from '@/testing/render-app'
import { AgentTimeline } from './agent-timeline'

const DAY = Date.UTC(2025, 0, 5, 16, 0, 0) // 2025-01-06 00:00 in Shanghai
const H9 = DAY + 9 * 3_600_000
const MIN = 60_000
const PATH = '/api/agents/5001%40test.cc/timeline'
const ZERO = { count: 0, seconds: 0 }

const TIMELINE: Timeline = {
  agentId: '5001@test.cc',
  day: '2025-01-06',
  from: DAY,
  to: H9 + 30 * MIN,
  segments: [
    {
      acState: 'Aux',
      family: 'notReady',
      from: H9,
      to: H9 + 10 * MIN,
      reason: 'MonitorLock',
      callId: null,
    },
    {
      acState: 'InboundTalking',
      family: 'talking',
      from: H9 + 10 * MIN,
      to: H9 + 14 * MIN,
      reason: null,
      callId: 'call-1',
    },
    {
      acState: 'Available',
      family: 'available',
      from: H9 + 14 * MIN,
      to: H9 + 30 * MIN,
      reason: null,
      callId: null,
    },
  ],
  totals: {
    available: { count: 1, seconds: 960 },
    ringing: ZERO,
    talking: { count: 1, seconds: 240 },
    hold: ZERO,
    acw: ZERO,
    notReady: { count: 1, seconds: 600 },
    loggedOut: ZERO,
  },
  calls: [
    {
      callId: 'call-1',
      namespace: 'test.cc',
      callType: 'Inbound',
      ani: '13912345678',
      dnis: '33255500',
      customerPhone: '13912345678',
      agentId: '5001@test.cc',
      deviceId: '8001@test.cc',
      skillId: '7001@test.cc',
      startTime: H9 + 9.5 * MIN,
      answerTime: H9 + 10 * MIN,
      endTime: H9 + 14 * MIN,
      queueSec: 30,
      talkSec: 240,
      endReason: 'CustomerHangup',
      hangupCause: null,
      hangupDevice: null,
      conferenced: false,
      transferred: false,
      orgTreePos: '1.1',
    },
  ],
}

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(400, 28)
})
afterAll(() => restoreLayout())
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function render() {
  const live = agent(1, { acState: 'Available', stateSince: H9 + 14 * MIN })
  return renderRoutes([{ path: '/', element: <AgentTimeline agent={live} /> }], '/')
}

describe('AgentTimeline', () => {
  it('draws the day in platform time, with totals and the calls linking to their pages', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: H9 + 30 * MIN })
    fakeFetch({ [`GET ${PATH}`]: json(200, TIMELINE) })
    render()
    const strip = await screen.findByRole('list', { name: '今日各状态' })
    const items = within(strip).getAllByRole('listitem')
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      '未就绪，09:00:00 至 09:10:00，10 分 0 秒；原因：班长锁定坐席',
      '呼入通话，09:10:00 至 09:14:00，4 分 0 秒',
      expect.stringMatching(/^就绪，09:14:00 至 现在，16 分 \d+ 秒$/),
    ])
    // One Tab stop (the current state); the arrows step through the rest.
    expect(items.map((i) => i.tabIndex)).toEqual([-1, -1, 0])
    items[2]!.focus()
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) })
    await user.keyboard('{ArrowLeft}')
    expect(document.activeElement).toBe(items[1])
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(items[0])

    const totals = screen.getByRole('table', { name: '各状态次数与时长' })
    expect(within(totals).getByRole('row', { name: /未就绪 1 10 分 0 秒/ })).toBeTruthy()
    const calls = screen.getByRole('table', { name: '今日通话（1）' })
    const link = within(calls).getByRole('link', { name: '09:10:00 来自 13912345678 的通话' })
    expect(link.getAttribute('href')).toBe('/calls/call-1')
    expect(calls.textContent).toContain('客户挂机')
    expect(calls.textContent).toContain('04:00')
  })

  it('says when the agent has no events today yet', async () => {
    fakeFetch({ [`GET ${PATH}`]: json(200, { ...TIMELINE, segments: [], calls: [] }) })
    render()
    expect(await screen.findByText('今天还没有状态记录。')).toBeTruthy()
    expect(screen.getByText('今天还没有通话。')).toBeTruthy()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('says when the timeline cannot be loaded, and tries again on request', async () => {
    const fetch = fakeFetch({
      [`GET ${PATH}`]: json(500, { error: 'server', message: 'boom' }),
    })
    render()
    expect(screen.getByRole('status').textContent).toBe('正在加载今日时间线…')
    expect(await screen.findByText('无法加载今日时间线。')).toBeTruthy()
    fetch.on(`GET ${PATH}`, json(200, TIMELINE))
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByRole('list', { name: '今日各状态' })).toBeTruthy()
  })
})
