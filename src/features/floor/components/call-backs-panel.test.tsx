// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type CallBackButtonProps, CallBackContext } from '@/components/ui/call-back-slot'
import { T0, abandonedCaller, callBacks, change, snapshot } from '@/testing/fixtures'
import { renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { CallBacksSection } from './call-backs-panel'

/** Stands in for the outbound feature's control: says what it would call back. */
function StubButton({ customerPhone, forCallId, variant }: CallBackButtonProps) {
  return (
    <button type="button" data-call-id={forCallId ?? ''} data-variant={variant}>
      回拨 {customerPhone}
    </button>
  )
}

function renderSection() {
  return renderWithProviders(
    <CallBackContext value={{ Button: StubButton }}>
      <CallBacksSection />
    </CallBackContext>,
  )
}

const two = callBacks(
  [
    abandonedCaller('13900002222', { lastAt: T0 - 3 * 60_000, skillId: '7002@test.cc' }),
    abandonedCaller('13900001111', {
      attempts: 3,
      lastAt: T0 - 8 * 60_000,
      callingBack: { by: 'lead', since: T0 - 60_000, callId: 'cb-1' },
    }),
  ],
  { abandonedToday: 12, reachedAgain: 5, medianReachSec: 480 },
)

function receive(list: ReturnType<typeof callBacks> | undefined) {
  act(() => {
    resetFloorStore(T0)
    useFloorStore.getState().linkUp(false, T0)
    useFloorStore.getState().receiveSnapshot(snapshot([], { callBacks: list, serverTime: T0 }), T0)
  })
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(T0)
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('the abandoned callers to call back', () => {
  it("heads the list with today's figures and shows each caller's tries, time and queue", () => {
    receive(two)
    renderSection()
    const section = screen.getByRole('region', { name: '待回拨' })
    expect(within(section).getByText('今日放弃 12 人 · 已回访 5 · 中位 8 分钟')).toBeTruthy()
    expect(within(section).getByText('2 人待回拨')).toBeTruthy()
    const rows = within(section).getAllByRole('listitem')
    expect(rows.map((r) => r.dataset.phone)).toEqual(['13900002222', '13900001111'])
    expect(within(rows[0]!).getByText('第 1 次')).toBeTruthy()
    expect(within(rows[0]!).getByText('3 分钟前')).toBeTruthy()
    expect(within(rows[0]!).getByText('技能组 7002')).toBeTruthy()
    expect(within(rows[1]!).getByText('第 3 次')).toBeTruthy()
    expect(within(rows[1]!).getByRole('status').textContent).toBe('lead 正在回拨 · 09:59:00 起')
    expect(within(rows[0]!).queryByRole('status')).toBeNull()
  })

  it('draws the call-back control of the app for each caller, for their latest call', async () => {
    receive(two)
    renderSection()
    const button = screen.getByRole('button', { name: '回拨 13900001111' })
    expect(button.dataset.callId).toBe('ab-13900001111')
    expect(button.dataset.variant).toBe('icon')
    // The list is reached by keyboard, then each control in it.
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('region', { name: '待回拨的客户' }))
    await userEvent.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^3 分钟前/)
    await userEvent.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '回拨 13900002222' }))
  })

  it('says when nobody is waiting, and keeps the figures', () => {
    receive(callBacks([], { abandonedToday: 4, reachedAgain: 4, medianReachSec: 30 }))
    renderSection()
    expect(screen.getByText('没有待回拨的客户')).toBeTruthy()
    expect(screen.getByText('今日放弃 4 人 · 已回访 4 · 中位 30 秒')).toBeTruthy()
    expect(screen.queryByRole('listitem')).toBeNull()
  })

  it('follows the batches: a reached caller leaves the list', () => {
    receive(two)
    renderSection()
    const reached = callBacks([two.waiting[1]!], {
      abandonedToday: 12,
      reachedAgain: 6,
      medianReachSec: 420,
    })
    act(
      () => void useFloorStore.getState().receiveChange(change(11, [], { callBacks: reached }), T0),
    )
    expect(screen.getAllByRole('listitem').map((r) => r.dataset.phone)).toEqual(['13900001111'])
    expect(screen.getByText('今日放弃 12 人 · 已回访 6 · 中位 7 分钟')).toBeTruthy()
  })

  it('keeps its rows in place while the lead points at the list, and takes in newcomers after', () => {
    receive(two)
    renderSection()
    const phones = () => screen.getAllByRole('listitem').map((r) => r.dataset.phone)
    const list = screen.getByRole('region', { name: '待回拨的客户' })
    fireEvent.pointerEnter(list)
    const newcomer = callBacks([abandonedCaller('13900003333'), ...two.waiting], {
      abandonedToday: 13,
    })
    act(
      () =>
        void useFloorStore.getState().receiveChange(change(11, [], { callBacks: newcomer }), T0),
    )
    // The button under the pointer is still the one the lead meant.
    expect(phones()).toEqual(['13900002222', '13900001111'])
    fireEvent.pointerLeave(list)
    expect(phones()).toEqual(['13900003333', '13900002222', '13900001111'])
  })

  it('shows nothing from a relay that keeps no list, and says how many more there are', () => {
    receive(undefined)
    const { unmount } = renderSection()
    expect(screen.queryByRole('region', { name: '待回拨' })).toBeNull()
    unmount()
    receive(callBacks([abandonedCaller('13900001111')], { waitingCount: 140, abandonedToday: 150 }))
    renderSection()
    expect(screen.getByText('另有 139 人未列出')).toBeTruthy()
  })
})
