import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentView, FloorChange } from '@/shared/floor'
import type { PresenceAnswer } from '@/shared/presence'
import { agentEvent } from '../testing/agent-event'
import {
  applyTo,
  changedAgents,
  type FloorClient,
  nextEvent,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { FlushWindow } from './flush-window'
import type { ScreenConnection } from './held-screens'

let relay: TestRelay
afterEach(async () => {
  vi.restoreAllMocks()
  await relay.close()
})

/**
 * An answer the relay gives at once on the same connection: whatever it sent the screen before
 * handling the question arrives before the answer.
 */
function marker(client: FloorClient): Promise<PresenceAnswer> {
  return new Promise((resolve) =>
    client.emit('presence:release', { agentId: '5001@test.cc' }, resolve),
  )
}

/** Everything the client hears, in order: its batches and the marker's answers. */
function record(client: FloorClient): { heard: string[]; batches: FloorChange[] } {
  const heard: string[] = []
  const batches: FloorChange[] = []
  client.on('floor:changed', (c) => {
    heard.push(`change ${c.seq}`)
    batches.push(c)
  })
  return { heard, batches }
}

/**
 * One change reaches the screen, then half a window later (on the relay's clock) another: is it
 * sent before the relay answers a question the screen asks right after the webhook?
 */
async function secondChangeAgainstAnswer(mode: 'adaptive' | 'fixed') {
  let clock = Date.now()
  relay = await startTestRelay({
    now: () => clock,
    env: { FLOOR_FLUSH_MS: '1000', FLOOR_FLUSH: mode },
  })
  const client = relay.client()
  await nextEvent(client, 'floor:snapshot')
  const first = nextEvent(client, 'floor:changed')
  await relay.post(agentEvent({ id: '5001@test.cc', serial: 1, acState: 'Available' }))
  await first
  clock += 500
  const { heard } = record(client)
  const second = nextEvent(client, 'floor:changed')
  await relay.post(agentEvent({ id: '5001@test.cc', serial: 2, acState: 'Aux' }))
  await marker(client)
  heard.push('answer')
  const change = await second
  return { heard, change }
}

describe('the flush window follows the load', () => {
  it('sends a change to an idle relay at once, not at the end of the window', async () => {
    const { heard, change } = await secondChangeAgainstAnswer('adaptive')
    expect(heard).toEqual(['change 2', 'answer'])
    expect(change.patches?.[0]).toMatchObject({ id: '5001@test.cc', acState: 'Aux' })
  })

  it('with FLOOR_FLUSH=fixed, the same change waits for the window', async () => {
    const { heard, change } = await secondChangeAgainstAnswer('fixed')
    expect(heard).toEqual(['answer', 'change 2'])
    expect(change.patches?.[0]).toMatchObject({ id: '5001@test.cc', acState: 'Aux' })
  })

  it('while the relay is busy, a burst to one agent reaches the screen once per window, in its latest state', async () => {
    // The window says the relay is busy: its interval is the whole window from now on.
    vi.spyOn(FlushWindow.prototype, 'intervalMs').mockReturnValue(60_000)
    const clock = Date.now()
    relay = await startTestRelay({ now: () => clock })
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const first = nextEvent(client, 'floor:changed')
    await relay.post(agentEvent({ id: '5001@test.cc', serial: 10, acState: 'Available' }))
    await first // the window had long passed: at once
    const { heard, batches } = record(client)
    const states = ['InboundRinging', 'InboundTalking', 'Hold', 'InboundTalking', 'Acw', 'Aux']
    for (const [i, acState] of states.entries())
      await relay.post(agentEvent({ id: '5001@test.cc', serial: 11 + i, acState }))
    await marker(client)
    heard.push('answer')
    // The window ends: one batch with the last state.
    const end = nextEvent(client, 'floor:changed')
    relay.app.gateway.flush()
    await end
    expect(heard).toEqual(['answer', 'change 2'])
    expect(batches[0]?.patches).toEqual([
      expect.objectContaining({ id: '5001@test.cc', acState: 'Aux', serial: '16' }),
    ])
  })
})

/** The relay's side of a client's connection. */
function connectionOf(r: TestRelay, client: FloorClient) {
  const socket = r.app.io.of('/').sockets.get(client.id!)
  if (!socket) throw new Error('the relay does not know this client')
  return socket.conn as unknown as ScreenConnection & {
    transport: { emit(event: 'ready'): void }
  }
}

describe('a screen whose connection is busy', () => {
  it('is held to one view per agent however much changes, and gets the latest once it reads again, without a resync', async () => {
    relay = await startTestRelay()
    for (const id of ['5001@test.cc', '5002@test.cc', '5003@test.cc'])
      await relay.post(agentEvent({ id, acState: 'Available' }))
    const slow = relay.client()
    const watcher = relay.client()
    const [snap] = await Promise.all([
      nextEvent(slow, 'floor:snapshot'),
      nextEvent(watcher, 'floor:snapshot'),
    ])
    const floor = new Map<string, AgentView>(snap.agents.map((a) => [a.id, a]))
    const { batches } = record(slow)
    const resyncs = vi.spyOn(relay.app.gateway, 'snapshot')

    // The screen stops reading: the relay's transport toward it cannot write (as when the
    // kernel's buffer toward it is full).
    const conn = connectionOf(relay, slow)
    conn.transport.writable = false
    const states = ['InboundRinging', 'InboundTalking', 'Hold', 'Acw', 'Aux']
    let watched = 0
    for (const acState of states) {
      for (const id of ['5001@test.cc', '5002@test.cc', '5003@test.cc']) {
        const seen = nextEvent(watcher, 'floor:changed')
        await relay.post(agentEvent({ id, acState }))
        await seen
        watched += 1
      }
    }
    expect(watched).toBe(15)
    // The relay queued none of those 15 batches for it, and holds one view per agent.
    expect(conn.writeBuffer.filter((p) => JSON.stringify(p).includes('floor:changed'))).toEqual([])
    expect(relay.app.gateway.held.viewsOf(slow.id!)).toBe(3)

    // It reads again: one batch brings it up to date.
    const caughtUp = nextEvent(slow, 'floor:changed')
    conn.transport.writable = true
    conn.transport.emit('ready')
    const c = await caughtUp
    expect(c.seq).toBe(snap.seq + 1)
    expect(c.upTo).toBe(snap.seq + 15)
    // It holds them all: each comes as what changed about it.
    expect(c.agents).toEqual([])
    expect(changedAgents(c).map((a) => [a.id, a.acState])).toEqual([
      ['5001@test.cc', 'Aux'],
      ['5002@test.cc', 'Aux'],
      ['5003@test.cc', 'Aux'],
    ])
    applyTo(floor, c)

    // And the room's next batch follows on from it.
    const next = nextEvent(slow, 'floor:changed')
    await relay.post(agentEvent({ id: '5002@test.cc', acState: 'Available' }))
    const after = await next
    expect(after.seq).toBe(c.upTo! + 1)
    applyTo(floor, after)
    expect(batches).toHaveLength(2)
    expect(resyncs).not.toHaveBeenCalled()
    const fresh = await nextEvent(relay.client(), 'floor:snapshot')
    expect(floor).toEqual(new Map(fresh.agents.map((a) => [a.id, a])))
  })

  it('that resyncs meanwhile is owed nothing more: the snapshot covers it', async () => {
    relay = await startTestRelay()
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Available' }))
    const slow = relay.client()
    const watcher = relay.client()
    await Promise.all([nextEvent(slow, 'floor:snapshot'), nextEvent(watcher, 'floor:snapshot')])
    const conn = connectionOf(relay, slow)
    conn.transport.writable = false
    const seen = nextEvent(watcher, 'floor:changed')
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Aux' }))
    await seen
    expect(relay.app.gateway.held.viewsOf(slow.id!)).toBe(1)
    conn.transport.writable = true
    const { batches } = record(slow)
    const snapshot = await new Promise<{ seq: number }>((resolve) =>
      slow.emit('floor:resync', resolve),
    )
    expect(relay.app.gateway.held.viewsOf(slow.id!)).toBe(0)
    conn.transport.emit('ready')
    const next = nextEvent(slow, 'floor:changed')
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Acw' }))
    expect((await next).seq).toBe(snapshot.seq + 1)
    expect(batches.every((b) => b.upTo === undefined)).toBe(true)
  })
})
