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
import { T0, agent, inState, snapshot } from '@/testing/fixtures'
import { fakeLayout, renderWithProviders } from '@/testing/render'
import { resetFloorStore, useFloorStore } from '../stores/floor-store'
import { FloorScreen } from './floor-screen'

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())
beforeEach(() => resetFloorStore(T0))
afterEach(cleanup)

const receive = (agents: ReturnType<typeof agent>[]) =>
  act(() => useFloorStore.getState().receiveSnapshot(snapshot(agents), T0))

const roster = () => [
  agent(1, { name: '张伟' }),
  inState(agent(2, { name: '李娜' }), 'InboundTalking', T0),
  inState(agent(3, { name: '王芳' }), 'Aux', T0),
]

describe('FloorScreen', () => {
  it('shows skeleton tiles until the first snapshot', () => {
    renderWithProviders(<FloorScreen />)
    expect(screen.getByRole('status', { name: '正在加载坐席…' })).toBeTruthy()
  })

  it('explains an empty floor', () => {
    renderWithProviders(<FloorScreen />)
    receive([])
    expect(screen.getByText('还没有坐席')).toBeTruthy()
  })

  it('counts agents per family and filters by a family chip', async () => {
    renderWithProviders(<FloorScreen />)
    receive(roster())
    expect(screen.getByText('共 3 名坐席 · 在线 3')).toBeTruthy()
    const talking = screen.getByRole('button', { name: '通话中：1 名坐席' })
    await userEvent.click(talking)
    expect(talking.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('button', { name: /^李娜，/ })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^张伟，/ })).toBeNull()
  })

  it('says when nothing matches, and clears the filters on request', async () => {
    renderWithProviders(<FloorScreen />, '/?q=nobody')
    receive(roster())
    expect(screen.getByText('没有符合筛选条件的坐席')).toBeTruthy()
    await userEvent.click(screen.getAllByRole('button', { name: '清除筛选' })[0]!)
    expect(screen.getByRole('button', { name: /^张伟，/ })).toBeTruthy()
  })

  it('opens the details drawer for a tile', async () => {
    renderWithProviders(<FloorScreen />)
    receive(roster())
    await userEvent.click(screen.getByRole('button', { name: /^李娜，/ }))
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    expect(drawer.textContent).toContain('5002@test.cc')
    expect(drawer.textContent).toContain('呼入通话')
  })

  it('heads the drawer with who it is, the state with its timer, and the call and caller', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date'] })
    vi.setSystemTime(T0)
    onTestFinished(() => void vi.useRealTimers())
    renderWithProviders(<FloorScreen />)
    const onCall = {
      ...inState(agent(2, { name: '李娜' }), 'InboundTalking', T0 - 65_000),
      callId: 'c-1',
      callSince: T0 - 80_000,
      customerNumber: '13800138000',
    }
    receive([onCall])
    await userEvent.click(screen.getByRole('button', { name: /^李娜，/ }))
    const drawer = await screen.findByRole('dialog', { name: '坐席详情' })
    const header = within(drawer).getByRole('region', { name: '坐席概要' })
    expect(header.textContent).toContain('李娜')
    expect(header.textContent).toContain('5002@test.cc')
    const [stateTimer, callTimer] = within(header).getAllByRole('timer')
    expect(stateTimer!.textContent).toBe('01:05')
    expect(callTimer!.textContent).toBe('01:20')
    expect(header.textContent).toContain('呼入')
    expect(header.textContent).toContain('13800138000')
  })

  it('warns when the link is down', () => {
    renderWithProviders(<FloorScreen />)
    receive(roster())
    act(() => {
      useFloorStore.getState().linkUp(false, T0)
      useFloorStore.getState().linkDown(T0 + 1_000)
    })
    expect(screen.getByRole('alert').textContent).toContain('正在重新连接')
  })

  it('opens today’s figures on a narrow screen, once their code is here', async () => {
    renderWithProviders(<FloorScreen />)
    receive(roster())
    await userEvent.click(screen.getByRole('button', { name: '显示今日数据' }))
    const panel = await screen.findByRole('dialog')
    // The latest calls are the panel's own, not the placeholder's.
    expect(await within(panel).findByRole('heading', { name: '最近通话' })).toBeTruthy()
    expect(within(panel).getByRole('heading', { name: '今日数据' })).toBeTruthy()
  })
})
