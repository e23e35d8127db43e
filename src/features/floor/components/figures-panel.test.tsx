// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { T0, figures, queueFigures, snapshot } from '@/testing/fixtures'
import { renderRoutes } from '@/testing/render-app'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { FiguresPanel } from './figures-panel'

const live = figures({
  total: queueFigures({
    offered: 40,
    answered: 36,
    abandoned: 4,
    abandonRate: 0.1,
    serviceLevel: 0.75,
    asaSec: 12,
    ahtSec: 245,
    avgTalkSec: 180,
    avgHoldSec: 20,
    avgAcwSec: 45,
    shortAbandonSec: 5,
  }),
})

function renderPanel(url = '/') {
  return renderRoutes([{ path: '/', element: <FiguresPanel /> }], url)
}

const figureCell = (name: string) =>
  screen.getByText(name, { selector: 'dt' }).parentElement as HTMLElement

beforeEach(() => {
  resetFloorStore(T0)
  useFloorStore.getState().linkUp(false, T0)
  useFloorStore.getState().receiveSnapshot(snapshot([], { figures: live }), T0)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('FiguresPanel', () => {
  it('dims the figures and says they are not live while the link is down', () => {
    renderPanel()
    const body = figureCell('平均处理').closest('[data-live]') as HTMLElement
    expect(body.dataset.live).toBe('true')
    expect(screen.queryByRole('status')).toBeNull()

    act(() => useFloorStore.getState().linkDown(T0 + 1_000))

    expect(body.dataset.live).toBe('false')
    expect(getComputedStyle(body).opacity).toBe('0.5')
    expect(screen.getByRole('status').textContent).toMatch(/^连接中断：截至 /)

    act(() => useFloorStore.getState().linkUp(true, T0 + 2_000))
    expect(body.dataset.live).toBe('true')
  })

  it('reaches each figure by keyboard and gives its definition on hover', async () => {
    renderPanel()
    const aht = figureCell('平均处理')
    expect(within(aht).getByText('04:05')).toBeTruthy()
    expect(within(aht).getByText('通话+保持+话后')).toBeTruthy()
    await userEvent.tab() // the first figure
    for (let i = 0; i < 5; i++) await userEvent.tab()
    expect(document.activeElement).toBe(aht)
    await userEvent.hover(aht) // jsdom cannot tell keyboard focus apart, which opens it too
    const tip = await screen.findByRole('tooltip')
    expect(tip.textContent).toContain('（通话 + 保持 + 话后处理）÷ 接通数')
    expect(tip.textContent).toContain('每通：通话 03:00，保持 00:20，话后处理 00:45')
    expect(within(figureCell('平均应答')).getByText('不含振铃')).toBeTruthy()
  })

  it("follows the floor's department filter and says which figures cannot", async () => {
    const forDept = figures({
      total: queueFigures({ offered: 40, answered: 9, abandoned: 4, ahtSec: 300 }),
    })
    const fetch = vi.fn(async () => Response.json(forDept))
    vi.stubGlobal('fetch', fetch)
    renderPanel('/?dept=org-1')
    await waitFor(() => expect(within(figureCell('接通')).getByText('9')).toBeTruthy())
    expect(String(fetch.mock.calls[0]?.[0 as never])).toBe('/api/figures?dept=org-1')
    expect(screen.getByText('按看板的筛选')).toBeTruthy()
    // Offered and abandoned are counted for every department, and say so.
    expect(within(figureCell('呼入')).getByText('不分部门')).toBeTruthy()
    expect(within(figureCell('接通')).queryByText('不分部门')).toBeNull()
  })
})
