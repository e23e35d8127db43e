import { afterEach, describe, expect, it } from 'vitest'
import type { CreatedKiosk } from '@/shared/admin'
import type { SessionEnded } from '@/shared/session'
import type { AgentPatch } from '@/shared/floor'
import {
  changedAgents,
  type FloorClient,
  nextEvent,
  type Session,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let relay: TestRelay
afterEach(async () => {
  await relay.close()
})

describe('a session that ends or changes ends its open sockets at once', () => {
  it('signing out closes that session’s sockets before the sign-out is answered, saying why first', async () => {
    relay = await startTestRelay()
    const leaving = await relay.signIn('lead')
    const client = relay.client(leaving)
    const staying = relay.client() // the same user's other session
    await Promise.all([nextEvent(client, 'floor:snapshot'), nextEvent(staying, 'floor:snapshot')])
    const heard = lifeOf(client)

    const res = await leaving.fetch('/api/auth/logout', { method: 'POST' })
    expect(res.status).toBe(204)
    // Closed on the relay by the time the sign-out is answered: not at the next sweep.
    expect(openSockets()).toBe(1)
    expect(await heard.closed).toEqual([
      { reason: 'no_session', message: 'you signed out' },
      'io server disconnect',
    ])
    expect(staying.connected).toBe(true)
  })

  it('revoking a wall-screen link closes its open screens at once; a screen whose link was down gets nothing it missed', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const res = await admin.fetch('/api/kiosks', { method: 'POST', json: { name: '大厅电视' } })
    const kiosk = (await res.json()) as CreatedKiosk
    const open = await screen(kiosk.path)
    const away = await screen(kiosk.path)
    const onScreen = relay.client(open)
    const offScreen = relay.client(away)
    await Promise.all([
      nextEvent(onScreen, 'floor:snapshot'),
      nextEvent(offScreen, 'floor:snapshot'),
    ])
    await everyoneHas(onScreen, offScreen, agentEvent({ id: '5001@test.cc', serial: 1 }))
    await dropLink(offScreen)
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 2, acState: 'Aux' }))
    relay.app.gateway.flush() // sent to the screens' room while one of them is away

    const heard = lifeOf(onScreen)
    const deleted = await admin.fetch(`/api/kiosks/${kiosk.link.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect(openSockets()).toBe(0)
    expect(await heard.closed).toEqual([
      { reason: 'revoked', message: 'this wall-screen link has been revoked' },
      'io server disconnect',
    ])

    const wire = wireOf(offScreen)
    expect(await reconnectRefused(offScreen)).toBe('revoked')
    expect(wire.agents).toEqual([])
  })

  it('disabling a user closes their open sockets at once; one whose link was down gets nothing it missed', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const other = await relay.signIn('lead')
    const open = relay.client()
    const away = relay.client(other)
    await Promise.all([nextEvent(open, 'floor:snapshot'), nextEvent(away, 'floor:snapshot')])
    await everyoneHas(open, away, agentEvent({ id: '5001@test.cc', serial: 1 }))
    await dropLink(away)
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 2, acState: 'Aux' }))
    relay.app.gateway.flush()

    const heard = lifeOf(open)
    const lead = await userId(admin, 'lead')
    const patched = await admin.fetch(`/api/users/${lead}`, {
      method: 'PATCH',
      json: { disabled: true },
    })
    expect(patched.status).toBe(200)
    expect(openSockets()).toBe(0)
    expect(await heard.closed).toEqual([
      { reason: 'disabled', message: 'this account has been disabled' },
      'io server disconnect',
    ])

    const wire = wireOf(away)
    expect(await reconnectRefused(away)).toBe('disabled')
    expect(wire.agents).toEqual([])
  })
})

describe('rooms are recomputed on every connect', () => {
  it('a socket that recovers after its scope was narrowed is in the new scope only', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    await relay.createUser({ username: 'lead-all', role: 'supervisor' })
    const admin = await relay.signIn('root')
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 1, orgTreePos: '1.1' }))
    await relay.post(agentEvent({ id: '5002@test.cc', serial: 2, orgTreePos: '1.2' }))
    const client = relay.client(await relay.signIn('lead-all'))
    const snap = await nextEvent(client, 'floor:snapshot')
    expect(snap.agents.map((a) => a.id).sort()).toEqual(['5001@test.cc', '5002@test.cc'])
    // A batch gives the client the offset it recovers from.
    const first = nextEvent(client, 'floor:changed')
    await relay.post(
      agentEvent({ id: '5002@test.cc', serial: 3, orgTreePos: '1.2', acState: 'Aux' }),
    )
    await first

    // The link drops; meanwhile an admin narrows the user to department 1.1, and the agent of
    // 1.2 changes: the batch goes to the old, wider room.
    await dropLink(client)
    const lead = await userId(admin, 'lead-all')
    const patched = await admin.fetch(`/api/users/${lead}`, {
      method: 'PATCH',
      json: { orgPrefix: '1.1' },
    })
    expect(patched.status).toBe(200)
    await relay.post(
      agentEvent({ id: '5002@test.cc', serial: 4, orgTreePos: '1.2', acState: 'Acw' }),
    )
    relay.app.gateway.flush()

    // It comes back within the recovery window. Everything on the wire from now on counts,
    // including what socket.io replays before the connection is even accepted.
    const wire = wireOf(client)
    const back = new Promise((resolve) => client.once('connect', () => resolve(null)))
    client.connect()
    await back
    await relay.post(
      agentEvent({ id: '5002@test.cc', serial: 5, orgTreePos: '1.2', acState: 'Available' }),
    )
    relay.app.gateway.flush()
    const inScope = nextEvent(client, 'floor:changed', (c) =>
      changedAgents(c).some((a) => a.id === '5001@test.cc'),
    )
    await relay.post(
      agentEvent({ id: '5001@test.cc', serial: 6, orgTreePos: '1.1', acState: 'Aux' }),
    )
    await inScope

    expect(wire.agents).toContain('5001@test.cc')
    expect(wire.agents).not.toContain('5002@test.cc')
    // Not restored: it connected afresh, into the room of its new scope.
    expect(client.recovered).toBe(false)
  })

  it('a socket whose session did not change still recovers: it is replayed what it missed, with no snapshot', async () => {
    relay = await startTestRelay()
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const first = nextEvent(client, 'floor:changed')
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 1 }))
    await first
    await dropLink(client)
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 2, acState: 'Aux' }))
    relay.app.gateway.flush()

    let snapshots = 0
    client.on('floor:snapshot', () => (snapshots += 1))
    const missed = nextEvent(client, 'floor:changed')
    client.connect()
    expect(changedAgents(await missed)).toMatchObject([{ id: '5001@test.cc', acState: 'Aux' }])
    expect(client.recovered).toBe(true)
    expect(snapshots).toBe(0)
  })

  it('narrowing the scope of a user with an open socket ends it at once; it comes back in the new scope', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    await relay.createUser({ username: 'lead-all', role: 'supervisor' })
    const admin = await relay.signIn('root')
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 1, orgTreePos: '1.1' }))
    await relay.post(agentEvent({ id: '5002@test.cc', serial: 2, orgTreePos: '1.2' }))
    const client = relay.client(await relay.signIn('lead-all'))
    await nextEvent(client, 'floor:snapshot')
    const heard = lifeOf(client)

    const lead = await userId(admin, 'lead-all')
    const patched = await admin.fetch(`/api/users/${lead}`, {
      method: 'PATCH',
      json: { orgPrefix: '1.1' },
    })
    expect(patched.status).toBe(200)
    expect(openSockets()).toBe(0)
    expect(await heard.closed).toEqual([
      { reason: 'changed', message: 'your role or scope changed' },
      'io server disconnect',
    ])
    const again = nextEvent(client, 'floor:snapshot')
    client.connect()
    expect((await again).agents.map((a) => a.id)).toEqual(['5001@test.cc'])
  })
})

function openSockets(): number {
  return relay.app.io.of('/').sockets.size
}

/** Opens a wall-screen link and keeps the screen's session. */
async function screen(path: string): Promise<Session> {
  const res = await fetch(`${relay.url}${path}`, { redirect: 'manual' })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return {
    cookie,
    csrf: '',
    fetch: (p, init = {}) => fetch(`${relay.url}${p}`, { ...init, headers: { cookie } }),
  }
}

async function userId(admin: Session, username: string): Promise<number> {
  const users = (await (await admin.fetch('/api/users')).json()) as {
    id: number
    username: string
  }[]
  return users.find((u) => u.username === username)!.id
}

/** Posts an agent event and waits until both clients got the batch (it carries the recovery offset). */
async function everyoneHas(
  a: FloorClient,
  b: FloorClient,
  event: Record<string, unknown>,
): Promise<void> {
  const seen = (c: FloorClient) =>
    nextEvent(c, 'floor:changed', (x) => changedAgents(x).some((y) => y.id === event.id))
  const both = Promise.all([seen(a), seen(b)])
  await relay.post(event)
  await both
}

/** Cuts the client's transport as a network failure would, and keeps it from reconnecting by itself. */
async function dropLink(client: FloorClient): Promise<void> {
  const id = client.id!
  client.io.reconnection(false)
  const down = new Promise((resolve) => client.once('disconnect', resolve))
  client.io.engine.close()
  await down
  // Wait for the relay to notice too: only then does it keep the session for recovery.
  const until = Date.now() + 5_000
  while (relay.app.io.of('/').sockets.has(id)) {
    if (Date.now() > until) throw new Error('the relay did not notice the dropped link')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** What the client heard until it was closed: `session:ended` payloads and the close reason, in order. */
function lifeOf(client: FloorClient): { closed: Promise<(SessionEnded | string)[]> } {
  const heard: (SessionEnded | string)[] = []
  client.on('session:ended', (info) => heard.push(info))
  return {
    closed: new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`still open; heard ${JSON.stringify(heard)}`)),
        5_000,
      )
      client.once('disconnect', (reason) => {
        clearTimeout(timer)
        heard.push(reason)
        resolve(heard)
      })
    }),
  }
}

/**
 * Every agent id in every event packet the client's connection receives from now on, read
 * below socket.io-client's own socket (which buffers events until a connection is accepted).
 */
function wireOf(client: FloorClient): { agents: string[] } {
  const agents: string[] = []
  client.io.on('packet', (packet: { type: number; data?: unknown }) => {
    if (packet.type !== 2 || !Array.isArray(packet.data)) return
    const payload = packet.data[1] as
      { agents?: { id: string }[]; patches?: AgentPatch[] } | undefined
    for (const a of [...(payload?.agents ?? []), ...(payload?.patches ?? [])]) agents.push(a.id)
  })
  return { agents }
}

/** Reconnects and resolves with the reason the relay refused the handshake. */
function reconnectRefused(client: FloorClient): Promise<string> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => reject(new Error('the relay accepted the connection')))
    client.once('connect_error', (err) =>
      resolve(String((err as { data?: { reason?: string } }).data?.reason)),
    )
    client.connect()
  })
}
