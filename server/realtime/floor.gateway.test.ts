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
    // Each batch names an agent at most once, in seq order. How many batches the 360 events
    // became depends on how busy the relay was (floor-window.test.ts pins the window down).
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

describe("today's abandoned callers on the floor", () => {
  const iso = (ms: number) => new Date(ms).toISOString()
  const abandoned = (callId: string, phone: string, endMs: number, skillId = '7001@test.cc') =>
    callEndEvent({
      callId,
      customerPhone: phone,
      ani: phone,
      agentId: null,
      deviceId: null,
      skillId,
      startTime: iso(endMs - 40_000),
      answerTime: null,
      endTime: iso(endMs),
      queueLength: 40,
      talkLength: 0,
      endReason: 'QueueAbandon',
    })

  it('are in the snapshot and, whole, in the batch where they change', async () => {
    const t0 = Date.now() - 60_000
    await relay.post(abandoned('ab-1', '13900001111', t0))
    const client = relay.client()
    const snap = await nextEvent(client, 'floor:snapshot')
    expect(snap.callBacks).toMatchObject({
      waiting: [{ phone: '13900001111', attempts: 1, lastCallId: 'ab-1' }],
      waitingCount: 1,
      abandonedToday: 1,
      reachedAgain: 0,
    })

    let next = nextEvent(client, 'floor:changed', (c) => c.callBacks !== undefined)
    await relay.post(abandoned('ab-2', '13900001111', t0 + 10_000))
    expect((await next).callBacks?.waiting).toMatchObject([{ phone: '13900001111', attempts: 2 }])

    // A lead calls them back through the console: the row says so.
    next = nextEvent(client, 'floor:changed', (c) => c.callBacks !== undefined)
    relay.app.calls.callingBack('test.cc', '13900001111', 'cb-1', 'lead', Date.now())
    expect((await next).callBacks?.waiting[0]?.callingBack).toMatchObject({
      by: 'lead',
      callId: 'cb-1',
    })

    // The call back is answered: the row leaves and the day's figures count the reach.
    next = nextEvent(client, 'floor:changed', (c) => c.callBacks !== undefined)
    await relay.post(
      callEndEvent({
        callId: 'cb-1',
        callType: 'Manual',
        customerPhone: '13900001111',
        startTime: iso(t0 + 20_000),
        answerTime: iso(t0 + 30_000),
        endTime: iso(t0 + 50_000),
      }),
    )
    expect((await next).callBacks).toEqual({
      waiting: [],
      waitingCount: 0,
      abandonedToday: 1,
      reachedAgain: 1,
      medianReachSec: 30,
    })
  })

  it('reach a lead scoped to the queue, not one scoped to another, nor a batch that does not change them', async () => {
    await relay.createUser({ username: 'lead-7002', role: 'supervisor', skills: ['7002@test.cc'] })
    const other = relay.client(await relay.signIn('lead-7002'))
    const mine = relay.client()
    await Promise.all([nextEvent(other, 'floor:snapshot'), nextEvent(mine, 'floor:snapshot')])
    const seenByOther: FloorChange[] = []
    other.on('floor:changed', (c) => seenByOther.push(c))
    const next = nextEvent(mine, 'floor:changed', (c) => c.callBacks !== undefined)
    await relay.post(abandoned('ab-3', '13900003333', Date.now() - 1_000, '7001@test.cc'))
    expect((await next).callBacks?.waiting.map((r) => r.phone)).toEqual(['13900003333'])
    // An agent's change alone does not resend the list.
    const plain = nextEvent(mine, 'floor:changed')
    await relay.post(agentEvent({ id: '5001@test.cc', acState: 'Aux' }))
    expect((await plain).callBacks).toBeUndefined()
    relay.app.gateway.flush()
    expect(seenByOther.some((c) => c.callBacks !== undefined)).toBe(false)
    const snap = await nextEvent(relay.client(await relay.signIn('lead-7002')), 'floor:snapshot')
    expect(snap.callBacks?.waitingCount).toBe(0)
  })
})
