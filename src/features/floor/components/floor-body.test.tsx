// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { holdOrder } from '@/lib/order-hold'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { FloorScreen } from './floor-screen'

const MIN = 60_000
let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())
afterEach(cleanup)

// Longest in state first: 坐席1, 坐席2, 坐席3, 坐席4.
const roster = [1, 2, 3, 4].map((n) => inState(agent(n), 'Aux', T0 - (10 - n) * MIN))
let seq = 10
beforeEach(() => {
  resetFloorStore(T0)
  seq = 10
  useFloorStore.getState().receiveSnapshot(snapshot(roster), T0)
})

/** Agent `n` starts a new state now: by time in state it goes last. */
function restart(n: number) {
  seq += 1
  const next = inState(agent(n), 'Available', T0 + seq * 1000, { serial: String(seq * 10) })
  act(() => {
    useFloorStore.getState().receiveChange(change(seq, [next]), T0)
  })
}

const grid = () => screen.getByRole('region', { name: '坐席列表' })
const order = () =>
  within(grid())
    .getAllByRole('button')
    .map((b) => /^坐席(\d+)，/.exec(b.getAttribute('aria-label') ?? '')?.[1])
    .filter(Boolean)
    .join(',')
const notice = () => screen.queryByRole('button', { name: /处变动待更新/ })

describe('the floor holds its order while the lead works on it', () => {
  it('keeps tiles in place under the pointer, counts what waits, and applies on leaving', async () => {
    renderWithProviders(<FloorScreen />, '/?sort=time')
    expect(order()).toBe('1,2,3,4')
    await userEvent.hover(grid())
    restart(1)
    restart(2)
    // Tiles update in place (坐席1 is now ready), but nobody moves.
    expect(order()).toBe('1,2,3,4')
    expect(within(grid()).getByRole('button', { name: /^坐席1，.*就绪/ })).toBeTruthy()
    expect(notice()?.textContent).toContain('2 处变动待更新')
    await userEvent.unhover(grid())
    expect(order()).toBe('3,4,1,2')
    expect(notice()).toBeNull()
  })

  it('applies at once when the notice is clicked, and holds again from there', async () => {
    renderWithProviders(<FloorScreen />, '/?sort=time')
    await userEvent.hover(grid())
    restart(1)
    await userEvent.click(notice()!)
    expect(order()).toBe('2,3,4,1')
    restart(2)
    expect(order()).toBe('2,3,4,1')
    expect(notice()?.textContent).toContain('1 处变动待更新')
  })

  it('holds while focus is in the grid and while a dialog holds the page', async () => {
    renderWithProviders(<FloorScreen />, '/?sort=time')
    act(() => within(grid()).getAllByRole('button')[0]!.focus())
    restart(1)
    expect(order()).toBe('1,2,3,4')
    let release = () => {}
    act(() => {
      release = holdOrder()
    })
    // Focus goes to the dialog (here: anywhere outside the grid).
    act(() => screen.getByRole('searchbox', { name: '搜索坐席' }).focus())
    expect(order()).toBe('1,2,3,4')
    act(() => release())
    expect(order()).toBe('2,3,4,1')
  })

  it('applies the lead’s own change of filter or sort at once, pointer or not', async () => {
    renderWithProviders(<FloorScreen />, '/?sort=time')
    await userEvent.hover(grid())
    restart(1)
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索坐席' }), {
      target: { value: '坐席' },
    })
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索坐席' }), { key: 'Enter' })
    expect(order()).toBe('2,3,4,1')
  })
})

describe('the floor while the link is down', () => {
  it('dims every tile, as the figures, and brightens them when the link is back', () => {
    act(() => useFloorStore.getState().linkUp(false, T0))
    renderWithProviders(<FloorScreen />)
    const tile = within(grid()).getAllByRole('button')[0]!
    const dimmed = () => {
      let opacity = 1
      for (let el: HTMLElement | null = tile; el; el = el.parentElement)
        opacity *= Number(getComputedStyle(el).opacity || '1')
      return opacity
    }
    expect(dimmed()).toBe(1)
    act(() => useFloorStore.getState().linkDown(T0 + 1_000))
    expect(dimmed()).toBe(0.5)
    // Its stopped timer is dimmed once, with the tile, not twice.
    const timer = within(tile).getByRole('timer')
    let timerOpacity = 1
    for (let el: HTMLElement | null = timer; el; el = el.parentElement)
      timerOpacity *= Number(getComputedStyle(el).opacity || '1')
    expect(timerOpacity).toBe(0.5)
    act(() => useFloorStore.getState().linkUp(true, T0 + 2_000))
    expect(dimmed()).toBe(1)
  })
})
