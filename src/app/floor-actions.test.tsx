// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetFloorStore, useFloorStore } from '@/features/floor/stores/floor-store'
import { queryClient } from '@/lib/query-client'
import type { Me } from '@/shared/auth'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { T0, agent, snapshot } from '@/testing/fixtures'
import { fakeLayout } from '@/testing/render'
import { renderRoutes } from '@/testing/render-app'
import { routes } from './router'

// The live link is the socket module's business; here the floor store is fed directly.
vi.mock('./floor-link', () => ({
  floorLink: { connect: vi.fn(), disconnect: vi.fn(), onSessionEnded: () => () => {} },
}))

const scope = { namespace: 'test.cc', orgPrefix: null, skills: null }
const me = (username: string, role: Me['role']): Me => ({
  kind: 'user',
  id: 2,
  username,
  role,
  scope,
  deviceId: '8002',
  phoneNumber: '8002',
})

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())
beforeEach(() => resetFloorStore(T0))
afterEach(() => {
  cleanup()
  queryClient.clear()
  vi.unstubAllGlobals()
})

const LI_NA = agent(2, {
  name: '李娜',
  acState: 'InboundTalking',
  callId: 'call-2',
  monitors: [{ by: 'ann', op: 'listen', since: T0 }],
})

async function showFloor(user: Me) {
  fakeFetch({ 'GET /api/me': json(200, user) })
  const result = renderRoutes(routes, '/', queryClient)
  await screen.findByRole('navigation', { name: '主导航' })
  act(() => useFloorStore.getState().receiveSnapshot(snapshot([agent(1), LI_NA]), T0))
  return result
}

const tile = () => screen.getByRole('button', { name: /^李娜，/ })

describe('supervisor actions on the floor', () => {
  it('gives a viewer no action controls: a tile opens only the details', async () => {
    await showFloor(me('viewer', 'viewer'))
    expect(tile().getAttribute('aria-haspopup')).toBe('dialog')
    await userEvent.click(tile())
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    // The drawer's sections load on demand: once the timeline is there, actions would be too.
    await within(drawer).findByRole('region', { name: '今日时间线' })
    expect(within(drawer).queryByRole('heading', { name: '班长操作' })).toBeNull()
    expect(within(drawer).queryByRole('button', { name: '监听' })).toBeNull()
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('opens the action menu by click and by Shift+F10; Enter and “details” open the drawer', async () => {
    await showFloor(me('lead', 'supervisor'))
    expect(tile().getAttribute('aria-haspopup')).toBe('menu')
    await userEvent.click(tile())
    let menu = await screen.findByRole('menu', { name: '李娜 的操作' })
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual([
      '查看详情',
      '我来处理',
      '暂缓超时提醒…坐席没有超时',
      '监听',
      '强插',
      '接管',
      '强拆',
      '强制就绪',
      '强制离席',
      '强制签出',
    ])
    await userEvent.keyboard('{Escape}')

    tile().focus()
    await userEvent.keyboard('{Shift>}{F10}{/Shift}')
    menu = await screen.findByRole('menu', { name: '李娜 的操作' })
    await userEvent.click(within(menu).getByRole('menuitem', { name: '查看详情' }))
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    expect(await within(drawer).findByRole('heading', { name: '班长操作' })).toBeTruthy()
    expect(within(drawer).getByRole('button', { name: '监听' })).toHaveProperty('disabled', false)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    tile().focus()
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByRole('dialog', { name: '坐席详情' })).toBeTruthy()
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('shows who listens to the agent’s call on the tile and in the drawer', async () => {
    await showFloor(me('viewer', 'viewer'))
    expect(tile().getAttribute('aria-label')).toBe('李娜，5002@test.cc，呼入通话，ann 监听中')
    await userEvent.click(tile())
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    expect(drawer.textContent).toContain('ann 监听中')
  })
})
