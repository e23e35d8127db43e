import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgentView, FloorChange } from '@/shared/floor'
import {
  applyTo,
  changedAgents,
  callEndEvent,
  nextEvent,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let relay: TestRelay
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

describe('floor fan-out over socket.io', () => {
  it('sends a snapshot with the server clock on connect', async () => {
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Aux' }))
    const client = relay.client()
    const before = Date.now()
    const snap = await nextEvent(client, 'floor:snapshot')
    expect(snap.namespace).toBe('test.cc')
    expect(snap.agents.map((a) => [a.id, a.acState])).toEqual([['5001@test.cc', 'Aux']])
    expect(snap.serverTime).toBeGreaterThanOrEqual(before - 1000)
    expect(snap.serverTime).toBeLessThanOrEqual(Date.now() + 1000)
    expect(snap.figures.total.offered).toBe(0)
  })

  it('pushes a webhook change to connected clients', async () => {
    const client = relay.client()
    const snap = await nextEvent(client, 'floor:snapshot')
    const change = nextEvent(client, 'floor:changed')
    await relay.post(
      agentEvent({
        id: '5002@test.cc',
        acState: 'InboundRinging',
        callId: 'c-1',
        workSkill: '7001@test.cc',
      }),
    )
    const c = await change
    expect(c.seq).toBe(snap.seq + 1)
    expect(changedAgents(c)).toHaveLength(1)
    expect(changedAgents(c)[0]).toMatchObject({
      id: '5002@test.cc',
      acState: 'InboundRinging',
      callId: 'c-1',
      workSkill: '7001@test.cc',
    })
  })

  it('coalesces a burst per agent and never loses the final state', async () => {
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const batches: FloorChange[] = []
    client.on('floor:changed', (c) => batches.push(c))
    const states = [
      'InboundRinging',
      'InboundTalking',
      'Hold',
      'InboundTalking',
      'Acw',
      'Available',
    ]
    let serial = 50_000
    const posts: Promise<unknown>[] = []
    for (let round = 0; round < 20; round++) {
      for (const state of states) {
        serial += 1
        for (const id of ['5001@test.cc', '5002@test.cc', '5003@test.cc']) {
          posts.push(
            relay.post(agentEvent({ id, serial: serial * 10 + Number(id[3]), acState: state })),
          )
        }
      }
    }
    await Promise.all(posts)
    const last = await waitFor(() => {
      const seen = new Map<string, AgentView>()
      for (const b of batches) applyTo(seen, b)
      return seen.size === 3 && [...seen.values()].every((a) => a.acState === 'Available')
        ? seen
        : null
    })
    expect([...last.keys()].sort()).toEqual(['5001@test.cc', '5002@test.cc', '5003@test.cc'])
    // 360 events became far fewer batches, each naming an agent at most once, in seq order.
    expect(batches.length).toBeLessThan(360 / 3)
    for (const b of batches) {
      const ids = changedAgents(b).map((a) => a.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
    batches.forEach((b, i) => i > 0 && expect(b.seq).toBe(batches[i - 1]!.seq + 1))
  })

  it('sends a screen that holds an agent only what changed about it', async () => {
    await relay.post(agentEvent({ id: '5007@test.cc', serial: 70, acState: 'Available' }))
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const next = nextEvent(client, 'floor:changed')
    await relay.post(
      agentEvent({
        id: '5007@test.cc',
        serial: 71,
        acState: 'InboundRinging',
        callId: 'c-7',
        workSkill: '7001@test.cc',
        reason: null,
        stateChangeTime: '2026.11.21 10:01:00.000',
      }),
    )
    const c = await next
    expect(c.agents).toEqual([])
    expect(c.patches).toHaveLength(1)
    // Name, extension, skills, department and the rest did not change: not sent again.
    expect(Object.keys(c.patches![0]!).sort()).toEqual([
      'acState',
      'callId',
      'callSince',
      'id',
      'reason',
      'serial',
      'stateSince',
      'workSkill',
    ])
    // The call began with its ringing; answering it keeps that start (the drawer's "on call since").
    expect(c.patches![0]!.callSince).toBe(c.patches![0]!.stateSince)
    const answered = nextEvent(client, 'floor:changed')
    await relay.post(
      agentEvent({
        id: '5007@test.cc',
        serial: 72,
        acState: 'InboundTalking',
        callId: 'c-7',
        workSkill: '7001@test.cc',
        reason: null,
        stateChangeTime: '2026.11.21 10:01:05.000',
      }),
    )
    const talk = (await answered).patches![0]!
    expect(talk.stateSince).toBe(c.patches![0]!.stateSince! + 5_000)
    expect('callSince' in talk).toBe(false)
  })

  it('ignores an event older than the one held, by serial and then by state change time', async () => {
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    await relay.post(agentEvent({ id: '5004@test.cc', serial: 200, acState: 'InboundTalking' }))
    expect(
      (await relay.post(agentEvent({ id: '5004@test.cc', serial: 199, acState: 'Available' }))).body
        .result,
    ).toBe('stale')
    expect(
      (
        await relay.post(
          agentEvent({
            id: '5004@test.cc',
            serial: 200,
            acState: 'Aux',
            stateChangeTime: '2026.11.21 09:00:00.000',
          }),
        )
      ).body.result,
    ).toBe('stale')
    expect(
      (
        await relay.post(
          agentEvent({
            id: '5004@test.cc',
            serial: 200,
            acState: 'Acw',
            stateChangeTime: '2026.11.21 10:00:01.000',
          }),
        )
      ).body.result,
    ).toBe('applied')
    const fresh = relay.client()
    const snap = await nextEvent(fresh, 'floor:snapshot')
    expect(snap.agents.find((a) => a.id === '5004@test.cc')?.acState).toBe('Acw')
  })

  it('sends figures and the ended call when a callEnd arrives', async () => {
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const now = new Date()
    const change = nextEvent(client, 'floor:changed', (c) => c.calls !== undefined)
    const t = (offsetSec: number) => new Date(now.getTime() + offsetSec * 1000).toISOString()
    await relay.post(
      callEndEvent({
        callId: 'today-1',
        startTime: t(-100),
        answerTime: t(-90),
        endTime: t(0),
        queueLength: 4,
      }),
    )
    const c = await change
    expect(c.calls?.map((x) => x.callId)).toEqual(['today-1'])
    expect(c.figures?.total).toMatchObject({ offered: 1, answered: 1, serviceLevel: 1 })
  })

  it('after a reconnect the client holds exactly the server floor', async () => {
    const client = relay.client()
    const floor = new Map<string, AgentView>()
    client.on('floor:snapshot', (s) => {
      floor.clear()
      for (const a of s.agents) floor.set(a.id, a)
    })
    client.on('floor:changed', (c) => applyTo(floor, c))
    await nextEvent(client, 'floor:snapshot')
    await relay.post(agentEvent({ id: '5005@test.cc', serial: 300, acState: 'Aux' }))
    await waitFor(() => floor.get('5005@test.cc'))
    // Drop the transport (as a network cut would), change the floor meanwhile, let it reconnect.
    client.io.engine.close()
    await relay.post(agentEvent({ id: '5005@test.cc', serial: 301, acState: 'Available' }))
    await relay.post(agentEvent({ id: '5006@test.cc', serial: 302, acState: 'ManualTalking' }))
    await waitFor(() =>
      floor.get('5006@test.cc') && floor.get('5005@test.cc')?.acState === 'Available' ? true : null,
    )
    const server = new Map((await snapshotOf(relay)).map((a) => [a.id, a]))
    expect(floor).toEqual(server)
  })
})

async function snapshotOf(r: TestRelay): Promise<AgentView[]> {
  const c = r.client()
  const s = await nextEvent(c, 'floor:snapshot')
  c.disconnect()
  return s.agents
}

async function waitFor<T>(probe: () => T | null | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = probe()
    if (v !== null && v !== undefined) return v
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
