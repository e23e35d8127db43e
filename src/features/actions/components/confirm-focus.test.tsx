// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { agent } from '@/testing/fixtures'
import { renderRoutes } from '@/testing/render-app'
import { resetPendingStore } from '../stores/pending-store'
import { ActionsHost } from './actions-host'
import { AgentActionMenu } from './agent-action-menu'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  resetPendingStore()
})

const PHONE = { deviceId: '8002', phoneNumber: '13912345678' }
const FIRST = agent(1, { name: '张伟', acState: 'InboundTalking', callId: 'call-1' })
const SECOND = agent(2, { name: '李娜', acState: 'InboundTalking', callId: 'call-2' })
const ACTION_URL = (a: AgentView, op: string) =>
  `POST /api/agents/${encodeURIComponent(a.id)}/actions/${op}`

/** Two tiles, as the floor draws them; a click on one opens its agent's menu. */
function Floor() {
  const [menuFor, setMenuFor] = useState<AgentView | null>(null)
  return (
    <ActionsHost phone={PHONE} profilePath="/profile">
      {[FIRST, SECOND].map((a) => (
        <button key={a.id} type="button" data-agent-id={a.id} onClick={() => setMenuFor(a)}>
          {a.name}
        </button>
      ))}
      {menuFor && (
        <AgentActionMenu
          agent={menuFor}
          anchor={{ kind: 'point', top: 10, left: 10 }}
          open
          onClose={() => setMenuFor(null)}
          onDetails={() => setMenuFor(null)}
        />
      )}
    </ActionsHost>
  )
}

function render() {
  renderRoutes([{ path: '/', element: <Floor /> }], '/')
}

const tile = (name: string) => screen.getByRole('button', { name })

async function choose(tileName: string, op: string) {
  await userEvent.click(tile(tileName))
  const menu = await screen.findByRole('menu', { name: `${tileName} 的操作` })
  await userEvent.click(within(menu).getByRole('menuitem', { name: op }))
  return screen.findByRole('dialog')
}

describe('confirming an action', () => {
  it('asks before barging in, as it does before taking over', async () => {
    const fetch = fakeFetch({
      [ACTION_URL(SECOND, 'join')]: json(200, {
        ok: true,
        op: 'join',
        upstreamStatus: 204,
        latencyMs: 3,
      }),
    })
    render()
    const dialog = await choose('李娜', '强插')
    expect(within(dialog).getByRole('heading').textContent).toContain('强插 李娜 的通话？')
    expect(dialog.textContent).toContain('13912345678')
    expect(fetch.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    await userEvent.click(within(dialog).getByRole('button', { name: '强插' }))
    await waitFor(() => expect(fetch.calls.filter((c) => c.method === 'POST')).toHaveLength(1))
  })

  it('puts focus back on the tile of the agent acted on, when cancelled', async () => {
    fakeFetch()
    render()
    // The lead was on the first tile before turning to the second.
    tile('张伟').focus()
    const dialog = await choose('李娜', '接管')
    await userEvent.click(within(dialog).getByRole('button', { name: '取消' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(tile('李娜')))
  })

  it('puts focus back on the tile of the agent acted on, when confirmed', async () => {
    fakeFetch({
      [ACTION_URL(SECOND, 'drop')]: json(200, {
        ok: true,
        op: 'drop',
        upstreamStatus: 204,
        latencyMs: 3,
      }),
    })
    render()
    tile('张伟').focus()
    const dialog = await choose('李娜', '强拆')
    await userEvent.click(within(dialog).getByRole('button', { name: '强拆' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(tile('李娜')))
  })
})

describe('stopping a listen', () => {
  const listened = {
    ...SECOND,
    monitors: [{ by: 'lead', op: 'listen' as const, since: 0 }],
  }
  /** The menu of an agent whose call the lead listens to; choosing closes it. */
  function ListenedMenu({ phone }: { phone: typeof PHONE }) {
    const [open, setOpen] = useState(true)
    return (
      <ActionsHost phone={phone} profilePath="/profile" username="lead">
        <AgentActionMenu
          agent={listened}
          anchor={{ kind: 'point', top: 10, left: 10 }}
          open={open}
          onClose={() => setOpen(false)}
          onDetails={() => {}}
        />
      </ActionsHost>
    )
  }
  function renderMenu(phone = PHONE) {
    renderRoutes([{ path: '/', element: <ListenedMenu phone={phone} /> }], '/')
  }

  it('stops the lead’s own listen at once, and says the call goes on', async () => {
    const fetch = fakeFetch({
      [ACTION_URL(SECOND, 'stop-listen')]: json(200, {
        ok: true,
        op: 'stop-listen',
        upstreamStatus: 204,
        latencyMs: 3,
      }),
    })
    renderMenu()
    const menu = await screen.findByRole('menu', { name: '李娜 的操作' })
    await userEvent.click(within(menu).getByRole('menuitem', { name: '停止监听' }))
    // Nothing to confirm: only the lead's own leg ends.
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() =>
      expect(fetch.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        `/api/agents/${encodeURIComponent(SECOND.id)}/actions/stop-listen`,
      ]),
    )
    expect((await screen.findByRole('alert')).textContent).toContain('已停止监听：李娜。通话继续。')
  })

  it('without an extension in the profile, says to hang up instead', async () => {
    fakeFetch()
    renderMenu({ deviceId: '', phoneNumber: '13912345678' })
    const menu = await screen.findByRole('menu', { name: '李娜 的操作' })
    const stop = within(menu).getByRole('menuitem', { name: '停止监听' })
    expect(stop.getAttribute('aria-disabled')).toBe('true')
    const how = document.getElementById(stop.getAttribute('aria-describedby') ?? '')
    expect(how?.textContent).toBe('挂断你用来监听的分机即可停止监听')
  })
})
