// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
  vi,
} from 'vitest'
import { json, fakeFetch } from '@/testing/fake-fetch'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import type { AgentView } from '@/shared/floor'
import { defaultSettings } from '@/shared/settings'
import { useAlertPrefs } from '../stores/alert-prefs-store'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { useReplayStore } from '../stores/replay-store'
import { notify } from '../utils/notify'
import { FloorScreen } from './floor-screen'
import { ThresholdsContext } from './thresholds-context'

vi.mock(import('../utils/notify'), async (original) => ({ ...(await original()), notify: vi.fn() }))

const MINUTE = 60_000
const NOW = T0 + 15 * MINUTE // 10:15 in Shanghai; "15 minutes ago" is 10:00

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())
beforeEach(() => {
  // Only the date is faked: the page's own timers (playing on) run as they do.
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
  vi.setSystemTime(NOW)
  resetFloorStore(NOW)
  useReplayStore.getState().backToLive()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** Now: 李娜 talks, 王芳 is ready. */
const liveRoster = () => [
  agent(1, { name: '张伟' }),
  inState(agent(2, { name: '李娜' }), 'InboundTalking', NOW - MINUTE),
  agent(3, { name: '王芳' }),
]

/** Then (any moment asked): 李娜 on a break since 09:55, 王芳 ready. */
function pastRoster(): AgentView[] {
  return [
    agent(1, { name: '张伟' }),
    inState(agent(2, { name: '李娜' }), 'Aux', T0 - 5 * MINUTE),
    agent(3, { name: '王芳' }),
  ]
}

/** The relay's two replay routes: any moment answers the past roster as of then. */
function relay() {
  const asked: number[] = []
  const fetch = fakeFetch({
    'GET /api/floor': (_body, url) => {
      const at = Number(url.searchParams.get('at'))
      asked.push(at)
      return json(200, { ...snapshot(pastRoster(), { serverTime: at, seq: 0 }), at })
    },
    'GET /api/floor/moments': (_body, url) =>
      json(200, {
        from: Number(url.searchParams.get('from')),
        to: Number(url.searchParams.get('to')),
        moments: [
          {
            kind: 'breach',
            at: T0 - 20 * MINUTE,
            agentId: '5002@test.cc',
            name: '李娜',
            state: 'Aux',
            level: 'red',
          },
        ],
        truncated: false,
      }),
  })
  return { fetch, asked }
}

function showLive() {
  act(() =>
    useFloorStore.getState().receiveSnapshot(snapshot(liveRoster(), { serverTime: NOW }), NOW),
  )
}

async function lookBack15() {
  await userEvent.click(screen.getByRole('button', { name: '回看' }))
  await userEvent.click(await screen.findByRole('button', { name: '15 分钟前' }))
}

const tile = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}，`) })

describe('Floor replay', () => {
  it('shows every agent as they were at the moment looked back to, and says it is not live', async () => {
    const { asked } = relay()
    renderWithProviders(<FloorScreen />)
    showLive()
    expect(tile('李娜').getAttribute('aria-label')).toContain('呼入通话')

    await lookBack15()
    expect(await screen.findByText('回看中 · 10:00:00 · 不是实时')).toBeTruthy()
    await vi.waitFor(() => expect(tile('李娜').getAttribute('aria-label')).toContain('未就绪'))
    expect(tile('李娜').getAttribute('aria-label')).not.toContain('呼入通话')
    // The timer reads as it did then: five minutes into the break, standing still.
    expect(within(tile('李娜')).getByRole('timer').textContent).toBe('05:00')
    expect(asked[0]).toBeGreaterThanOrEqual(T0)
    expect(asked[0]).toBeLessThan(T0 + MINUTE)
  })

  it('plays forward: the shown moment moves on by the speed chosen', async () => {
    const { asked } = relay()
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    await screen.findByText('回看中 · 10:00:00 · 不是实时')

    await userEvent.click(screen.getByRole('button', { name: '60×' }))
    await userEvent.click(screen.getByRole('button', { name: '播放' }))
    expect(
      await screen.findByText('回看中 · 10:01:00 · 不是实时', {}, { timeout: 4_000 }),
    ).toBeTruthy()
    // The floor was asked again for the new moment, and the timers moved with it.
    await vi.waitFor(() => expect(asked.some((at) => at >= T0 + MINUTE)).toBe(true))
    await vi.waitFor(() =>
      expect(within(tile('李娜')).getByRole('timer').textContent).toBe('06:00'),
    )
    await userEvent.click(screen.getByRole('button', { name: '暂停' }))
    expect(screen.getByRole('button', { name: '播放' })).toBeTruthy()
  })

  it('steps a minute back and jumps to the moments that matter', async () => {
    relay()
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    await screen.findByText('回看中 · 10:00:00 · 不是实时')

    await userEvent.click(screen.getByRole('button', { name: '后退一分钟' }))
    expect(await screen.findByText('回看中 · 09:59:00 · 不是实时')).toBeTruthy()

    await userEvent.click(await screen.findByRole('button', { name: '关键时刻（1）' }))
    const item = await screen.findByRole('menuitem', { name: /09:40:00/ })
    expect(item.textContent).toContain('李娜 未就绪严重超时')
    await userEvent.click(item)
    expect(await screen.findByText('回看中 · 09:40:00 · 不是实时')).toBeTruthy()
  })

  it('goes back to live at once, with what the socket heard meanwhile', async () => {
    relay()
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    await vi.waitFor(() => expect(tile('李娜').getAttribute('aria-label')).toContain('未就绪'))

    // While looking back the live floor moves on underneath, unseen.
    act(() => {
      useFloorStore.getState().receiveChange(
        change(11, [inState(agent(3, { name: '王芳' }), 'InboundTalking', NOW)], {
          serverTime: NOW,
        }),
        NOW,
      )
    })
    expect(tile('王芳').getAttribute('aria-label')).not.toContain('呼入通话')

    await userEvent.click(screen.getByRole('button', { name: '返回实时' }))
    expect(screen.queryByText(/回看中/)).toBeNull()
    expect(tile('李娜').getAttribute('aria-label')).toContain('呼入通话')
    expect(tile('王芳').getAttribute('aria-label')).toContain('呼入通话')
  })

  it('goes back to live on Esc', async () => {
    relay()
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    await screen.findByText('回看中 · 10:00:00 · 不是实时')
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByText(/回看中/)).toBeNull()
    expect(tile('李娜').getAttribute('aria-label')).toContain('呼入通话')
  })

  it('turns the actions off while looking back, saying why', async () => {
    relay()
    const slots = {
      TileMenu: () => <div role="menu" aria-label="动作菜单" />,
      DrawerActions: () => <button type="button">强制示闲</button>,
    }
    renderWithProviders(<FloorScreen slots={slots} />)
    showLive()
    expect(tile('李娜').getAttribute('aria-haspopup')).toBe('menu')
    await lookBack15()
    await vi.waitFor(() => expect(tile('李娜').getAttribute('aria-label')).toContain('未就绪'))
    expect(tile('李娜').getAttribute('aria-haspopup')).toBe('dialog')

    await userEvent.click(tile('李娜'))
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    expect(within(drawer).queryByRole('button', { name: '强制示闲' })).toBeNull()
    expect(within(drawer).getByRole('button', { name: '操作' }).hasAttribute('disabled')).toBe(true)
    expect(within(drawer).getByText(/回看时不能操作/)).toBeTruthy()
  })

  it('says when nobody was on the floor yet at that moment, rather than asking to check the platform', async () => {
    const { fetch } = relay()
    fetch.on('GET /api/floor', (_body, url) => {
      const at = Number(url.searchParams.get('at'))
      return json(200, { ...snapshot([], { serverTime: at, seq: 0 }), at })
    })
    onTestFinished(() => void useReplayStore.getState().backToLive())
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    expect(await screen.findByText('这一时刻还没有坐席')).toBeTruthy()
    expect(screen.queryByText('还没有坐席')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: '返回实时' }))
    expect(await screen.findByRole('button', { name: /^李娜，/ })).toBeTruthy()
  })

  it('shows the relay’s words for a moment it refuses', async () => {
    const { fetch } = relay()
    fetch.on('GET /api/floor', () =>
      json(400, {
        error: 'invalid_request',
        message: 'at: outside the retention window (the last 14 days)',
      }),
    )
    onTestFinished(() => void useReplayStore.getState().backToLive())
    renderWithProviders(<FloorScreen />)
    showLive()
    await lookBack15()
    expect(await screen.findByText('无法回看这一时刻')).toBeTruthy()
    expect(screen.getByText('at: outside the retention window (the last 14 days)')).toBeTruthy()
    // Not the live floor passed off as the past one.
    expect(screen.queryByRole('button', { name: /^李娜，/ })).toBeNull()
    expect(screen.getByText('回看中 · 10:00:00 · 不是实时')).toBeTruthy()
  })

  it('keeps the red alerts on the live floor: a past breach is not announced, a live one is', async () => {
    const { fetch } = relay()
    // Then: 李娜 away for half an hour, well past the red threshold for not ready (20 min).
    fetch.on('GET /api/floor', (_body, url) => {
      const at = Number(url.searchParams.get('at'))
      const agents = [inState(agent(2, { name: '李娜' }), 'Aux', at - 30 * MINUTE)]
      return json(200, { ...snapshot(agents, { serverTime: at, seq: 0 }), at })
    })
    useAlertPrefs.setState({ sound: false, notify: true })
    onTestFinished(() => useAlertPrefs.setState({ sound: false, notify: false }))
    vi.mocked(notify).mockClear()
    const settings = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })
    renderWithProviders(
      <ThresholdsContext value={settings}>
        <FloorScreen />
      </ThresholdsContext>,
    )
    showLive()
    // The alerts start watching on the first tick with a floor: nobody is red live then.
    const liveTimer = () => within(tile('李娜')).getByRole('timer').textContent
    const before = liveTimer()
    await vi.waitFor(() => expect(liveTimer()).not.toBe(before), { timeout: 3_000 })
    await lookBack15()
    await vi.waitFor(() => expect(tile('李娜').getAttribute('data-breach')).toBe('red'))

    // Meanwhile, live: 王芳 has been talking for 16 minutes (red past 15).
    act(() => {
      useFloorStore.getState().receiveChange(
        change(11, [inState(agent(3, { name: '王芳' }), 'InboundTalking', NOW - 16 * MINUTE)], {
          serverTime: NOW,
        }),
        NOW,
      )
    })
    await vi.waitFor(() => expect(notify).toHaveBeenCalled(), { timeout: 3_000 })
    const bodies = vi.mocked(notify).mock.calls.map(([, body]) => body)
    expect(bodies.join(' ')).toContain('王芳')
    expect(bodies.join(' ')).not.toContain('李娜')
  })
})
