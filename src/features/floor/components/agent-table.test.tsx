// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { STATE_FAMILIES } from '@/shared/ac-state'
import type { AgentDayStats } from '@/shared/day-stats'
import { T0, agent, inState, snapshot } from '@/testing/fixtures'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { AgentTable } from './agent-table'

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1600, 900)
})
afterAll(() => restoreLayout())
beforeEach(() => resetFloorStore(T0))
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const dept = (name: string) => ({ org: { id: name, name, treePos: null } })
const roster = [
  agent(1, { name: '张伟', ...dept('客服一部') }),
  inState(agent(2, { name: '李娜', ...dept('客服二部') }), 'InboundTalking', T0, { callId: 'c2' }),
  agent(3, { name: '王芳', ...dept('客服一部') }),
]

const stats = (n: number, calls: number, handleSec: number): AgentDayStats => ({
  agentId: `${5000 + n}@test.cc`,
  callsHandled: calls,
  handleSec,
  ahtSec: calls > 0 ? handleSec / calls : null,
  occupancy: 0.5,
  seconds: STATE_FAMILIES.map(() => 60),
})

function render(group: 'none' | 'dept' = 'none') {
  fakeFetch({
    'GET /api/floor/day-stats': json(200, {
      day: '2025-01-06',
      at: T0,
      agents: [stats(1, 4, 800), stats(2, 2, 100), stats(3, 6, 400)],
    }),
  })
  const onOpen = vi.fn()
  const onGroupChange = vi.fn()
  const ids = roster.map((a) => a.id)
  renderWithProviders(
    <AgentTable
      ids={ids}
      onOpen={onOpen}
      group={group}
      onGroupChange={onGroupChange}
      disableVirtualization
    />,
  )
  act(() => useFloorStore.getState().receiveSnapshot(snapshot(roster), T0))
  return { onOpen, onGroupChange }
}

const grid = () => screen.getByRole('grid', { name: '坐席表格' })
const names = () =>
  within(grid())
    .getAllByRole('gridcell')
    .filter((c) => c.getAttribute('data-field') === 'name')
    .map((c) => c.textContent)
// A sorted column's header also names its sort button ("今日接听 排序").
const header = (name: string) =>
  within(grid()).getByRole('columnheader', { name: new RegExp(`^${name}`) })
const callsOf = (name: string) => {
  const row = within(grid()).getByText(name).closest('[role="row"]')!
  return row.querySelector('[data-field="calls"]')!.textContent
}

describe('AgentTable', () => {
  it("shows the floor's order, then sorts by a column each way", async () => {
    render()
    // Rows follow the floor a moment later (at most once a second).
    await vi.waitFor(() => expect(callsOf('王芳')).toBe('6'), { timeout: 5000 })
    expect(names()).toEqual(['张伟', '李娜', '王芳'])

    await userEvent.click(header('今日接听'))
    expect(header('今日接听').getAttribute('aria-sort')).toBe('ascending')
    expect(names()).toEqual(['李娜', '张伟', '王芳'])
    await userEvent.click(header('今日接听'))
    expect(names()).toEqual(['王芳', '张伟', '李娜'])
  })

  it('groups by department with a header of agents, calls and average handle time', async () => {
    render('dept')
    await vi.waitFor(() => expect(callsOf('王芳')).toBe('6'), { timeout: 5000 })
    // Groups in name order (pinyin: èr before yī). 客服一部: 2 agents, 4 + 6 calls,
    // (800 + 400) s / 10 calls = 2:00.
    expect(names()).toEqual([
      '客服二部：1 名坐席 · 接听 2 · 平均处理 00:50',
      '李娜',
      '客服一部：2 名坐席 · 接听 10 · 平均处理 02:00',
      '张伟',
      '王芳',
    ])
    await userEvent.click(header('平均处理时长'))
    // Sorted within each group (王芳 400 s / 6 calls before 张伟 800 s / 4); groups stay put.
    expect(names()).toEqual([
      '客服二部：1 名坐席 · 接听 2 · 平均处理 00:50',
      '李娜',
      '客服一部：2 名坐席 · 接听 10 · 平均处理 02:00',
      '王芳',
      '张伟',
    ])
  })

  it('opens an agent with Enter on its row, not on a group header', async () => {
    const { onOpen } = render('dept')
    await within(grid()).findByText('王芳')
    const cell = within(grid()).getByText('王芳').closest('[role="gridcell"]') as HTMLElement
    cell.focus()
    await userEvent.keyboard('{Enter}')
    expect(onOpen).toHaveBeenCalledWith('5003@test.cc')
    const group = within(grid())
      .getByText(/^客服二部：/)
      .closest('[role="gridcell"]') as HTMLElement
    group.focus()
    onOpen.mockClear()
    await userEvent.keyboard('{Enter}')
    expect(onOpen).not.toHaveBeenCalled()
  })
})
