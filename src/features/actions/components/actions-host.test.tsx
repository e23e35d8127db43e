// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { i18n, loadLanguage } from '@/lib/i18n'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { agent } from '@/testing/fixtures'
import { renderRoutes } from '@/testing/render-app'
import { resetPendingStore } from '../stores/pending-store'
import type { SupervisorPhone } from '../utils/op-availability'
import { ActionsHost } from './actions-host'
import { AgentActionMenu } from './agent-action-menu'
import { PendingBadge } from './pending-badge'

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  resetPendingStore()
  await i18n.changeLanguage('zh')
})

const PHONE: SupervisorPhone = { deviceId: '8002', phoneNumber: '13912345678' }
const TALKING = agent(2, {
  name: '李娜',
  acState: 'InboundTalking',
  callId: 'a8307aa5-1c2d-4e5f-9a0b-123456789abc',
})
const READY = agent(3, { name: '王芳', acState: 'Available' })
const ACTION_URL = (a: AgentView, op: string) =>
  `POST /api/agents/${encodeURIComponent(a.id)}/actions/${op}`

/** The tile's menu and busy badge for one agent, as the floor composes them. */
function Harness({ agent: a, phone }: { agent: AgentView; phone: SupervisorPhone }) {
  const [open, setOpen] = useState(true)
  return (
    <ActionsHost phone={phone} profilePath="/profile">
      <span data-testid="badge">
        <PendingBadge agentId={a.id} />
      </span>
      <button type="button" onClick={() => setOpen(true)}>
        open menu
      </button>
      <AgentActionMenu
        agent={a}
        anchor={{ kind: 'point', top: 10, left: 10 }}
        open={open}
        onClose={() => setOpen(false)}
        onDetails={() => setOpen(false)}
      />
    </ActionsHost>
  )
}

function render(a: AgentView, phone: SupervisorPhone = PHONE) {
  return renderRoutes(
    [
      { path: '/', element: <Harness agent={a} phone={phone} /> },
      { path: '/profile', element: <h1>profile page</h1> },
    ],
    '/',
  )
}

const menu = (name: string) => screen.findByRole('menu', { name: `${name} 的操作` })
const descriptionOf = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim()

describe('the action menu', () => {
  it('greys what does not fit the agent, saying why, and offers the profile', async () => {
    fakeFetch()
    render(READY, { deviceId: null, phoneNumber: null })
    const m = await menu('王芳')
    const listen = within(m).getByRole('menuitem', { name: '监听' })
    expect(listen.getAttribute('aria-disabled')).toBe('true')
    expect(descriptionOf(listen)).toBe('坐席不在通话中（就绪）')
    const ready = within(m).getByRole('menuitem', { name: '强制就绪' })
    expect(descriptionOf(ready)).toBe('坐席已经是就绪状态')
    expect(
      within(m).getByRole('menuitem', { name: '强制离席' }).getAttribute('aria-disabled'),
    ).toBeNull()
    expect(
      within(m).getByRole('menuitem', { name: '填写我的分机和号码…' }).getAttribute('href'),
    ).toBe('/profile')
  })

  it('says the extension is missing before a listen can be offered', async () => {
    fakeFetch()
    render(TALKING, { deviceId: null, phoneNumber: '8002' })
    const m = await menu('李娜')
    expect(descriptionOf(within(m).getByRole('menuitem', { name: '监听' }))).toBe(
      '请先在个人资料中填写你监听用的分机',
    )
    expect(
      within(m).getByRole('menuitem', { name: '接管' }).getAttribute('aria-disabled'),
    ).toBeNull()
  })
})

describe('running an action', () => {
  it('listens at once, shows it on the tile while it runs, then says it was sent', async () => {
    let answer: (r: Response) => void = () => {}
    const fetch = fakeFetch({
      [ACTION_URL(TALKING, 'listen')]: () => new Promise<Response>((r) => (answer = r)),
    })
    render(TALKING)
    await userEvent.click(within(await menu('李娜')).getByRole('menuitem', { name: '监听' }))
    expect(screen.queryByRole('dialog')).toBeNull() // listening interrupts nobody: no question
    expect(within(screen.getByTestId('badge')).getByRole('status').textContent).toBe('正在监听…')
    // While it runs, nothing else can be started on the agent.
    await userEvent.click(screen.getByRole('button', { name: 'open menu' }))
    const drop = within(await menu('李娜')).getByRole('menuitem', { name: '强拆' })
    expect(descriptionOf(drop)).toBe('正在执行“监听”，请等待结果')
    await userEvent.keyboard('{Escape}')

    act(() => answer(json(200, { ok: true, op: 'listen', upstreamStatus: 204, latencyMs: 3 })))
    expect((await screen.findByRole('alert')).textContent).toContain(
      '已发送监听请求：李娜。你的分机 8002 将接入通话。',
    )
    expect(within(screen.getByTestId('badge')).queryByRole('status')).toBeNull()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({})
  })

  it('asks before hanging up, naming agent and call; a refusal is told in the current language', async () => {
    fakeFetch({
      [ACTION_URL(TALKING, 'drop')]: json(409, {
        ok: false,
        error: 'conflict',
        message: 'the device is not in a state that allows this (for example the call has ended)',
        messages: {
          zh: '设备状态不允许此操作（例如通话已结束）',
          en: 'the device is not in a state that allows this (for example the call has ended)',
        },
        upstreamStatus: 456,
      }),
    })
    render(TALKING)
    await userEvent.click(within(await menu('李娜')).getByRole('menuitem', { name: '强拆' }))
    const dialog = await screen.findByRole('dialog', { name: '强拆 李娜 的通话？' })
    expect(dialog.textContent).toContain(TALKING.callId)
    expect(dialog.textContent).toContain('5002@test.cc')
    // Cancel has the focus: Enter on a danger question does nothing rash.
    expect(document.activeElement?.textContent).toBe('取消')
    await userEvent.click(within(dialog).getByRole('button', { name: '强拆' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(
      '强拆（李娜）未执行：设备状态不允许此操作（例如通话已结束）',
    )
    await act(async () => {
      await loadLanguage('en')
      await i18n.changeLanguage('en')
    })
    expect(screen.getByRole('alert').textContent).toContain(
      'Hang up (李娜) not done: the device is not in a state that allows this',
    )
  })

  it('asks why an agent is set not ready, and sends the chosen reason', async () => {
    const fetch = fakeFetch({
      [ACTION_URL(READY, 'not-ready')]: json(200, {
        ok: true,
        op: 'not-ready',
        upstreamStatus: 204,
        latencyMs: 5,
      }),
    })
    render(READY)
    await userEvent.click(within(await menu('王芳')).getByRole('menuitem', { name: '强制离席' }))
    const dialog = await screen.findByRole('dialog', { name: '将 王芳 强制离席？' })
    const reason = within(dialog).getByLabelText('原因（可选）')
    expect(document.activeElement).toBe(reason)
    await userEvent.click(within(dialog).getByRole('button', { name: '会议' }))
    expect((reason as HTMLInputElement).value).toBe('会议')
    await userEvent.type(reason, '{Enter}') // Enter in the field confirms
    expect(await screen.findByText('已发送强制离席请求：王芳。')).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '会议' })
  })

  it('cancels with Escape and sends nothing', async () => {
    const fetch = fakeFetch()
    render(READY)
    await userEvent.click(within(await menu('王芳')).getByRole('menuitem', { name: '强制签出' }))
    await screen.findByRole('dialog', { name: '将 王芳 强制签出？' })
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fetch.calls.filter((c) => c.method === 'POST')).toEqual([])
  })

  it('offers the profile when the relay asks for the supervisor’s phone', async () => {
    fakeFetch({
      [ACTION_URL(TALKING, 'take')]: json(409, {
        ok: false,
        error: 'profile_incomplete',
        field: 'phoneNumber',
        message: 'set the number calls are taken or joined to in your profile first',
        messages: {
          zh: '请先在个人资料中填写接管/强插到的号码',
          en: 'set the number calls are taken or joined to in your profile first',
        },
      }),
    })
    const { router } = render(TALKING)
    await userEvent.click(within(await menu('李娜')).getByRole('menuitem', { name: '接管' }))
    const dialog = await screen.findByRole('dialog', { name: '接管 李娜 的通话？' })
    expect(dialog.textContent).toContain('13912345678')
    await userEvent.click(within(dialog).getByRole('button', { name: '接管' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('请先在个人资料中填写接管/强插到的号码')
    await userEvent.click(within(alert).getByRole('link', { name: '填写个人资料' }))
    expect(router.state.location.pathname).toBe('/profile')
  })

  it('says so when the relay cannot be reached', async () => {
    fakeFetch({ [ACTION_URL(READY, 'logout')]: () => Promise.reject(new TypeError('offline')) })
    render(READY)
    await userEvent.click(within(await menu('王芳')).getByRole('menuitem', { name: '强制签出' }))
    const dialog = await screen.findByRole('dialog', { name: '将 王芳 强制签出？' })
    await userEvent.click(within(dialog).getByRole('button', { name: '强制签出' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      '强制签出（王芳）失败：无法连接到服务器',
    )
  })
})
