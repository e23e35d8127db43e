import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import { changedAgents, nextEvent, type TestRelay } from '../testing/test-relay'

// The relay against the real simulator program over HTTP: actions change the simulated call
// center, and the floor follows through the platform's own agentStateEvents.
let sim: SimulatorProcess
let relay: TestRelay

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator(
    ['--agents', '12', '--speed', '8', '--seed', '3', '--namespace', 'test.cc'],
    { api: 'csta' },
  ))
  await relay.lead.fetch('/api/me', {
    method: 'PATCH',
    json: { deviceId: '8999', phoneNumber: '8999' },
  })
}, 60_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

async function agentWhere(test: (a: AgentView) => boolean): Promise<AgentView> {
  for (let i = 0; i < 200; i++) {
    const floor = (await (await relay.lead.fetch('/api/floor')).json()) as { agents: AgentView[] }
    const found = floor.agents.find(test)
    if (found) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no such agent on the floor in time')
}

const act = (agentId: string, op: string, body?: unknown) =>
  relay.lead.fetch(`/api/agents/${agentId}/actions/${op}`, {
    method: 'POST',
    ...(body ? { json: body } : {}),
  })

describe('supervisor actions against the simulator', () => {
  it('listens to a call, takes it over, and the tile follows the platform to ACW', async () => {
    const talking = await agentWhere((a) => a.acState === 'InboundTalking')
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const listened = await act(talking.id, 'listen')
    expect(listened.status).toBe(200)
    // Listened for before the click: the change may reach the screen before the answer does.
    const afterCall = nextEvent(
      client,
      'floor:changed',
      (c) => changedAgents(c).some((a) => a.id === talking.id && a.acState === 'Acw'),
      10_000,
    )
    const took = await act(talking.id, 'take')
    // The call may have ended between the two clicks; then the platform's 456 comes back as 409.
    expect([200, 409]).toContain(took.status)
    if (took.status !== 200) afterCall.catch(() => {})
    if (took.status === 200) {
      const acw = await afterCall
      expect(changedAgents(acw).find((a) => a.id === talking.id)?.callId).toBeNull()
      const call = (await (await fetch(`${sim.url}/sim/calls/${talking.callId}`)).json()) as Record<
        string,
        unknown
      >
      expect(JSON.stringify(call)).toContain('8999')
    }
  })

  it('sets an agent not ready and ready again, and logs one out', async () => {
    const ready = await agentWhere((a) => a.acState === 'Available')
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const aux = nextEvent(
      client,
      'floor:changed',
      (c) => changedAgents(c).some((a) => a.id === ready.id && a.acState === 'Aux'),
      10_000,
    )
    expect((await act(ready.id, 'not-ready', { reason: '班长锁定' })).status).toBe(200)
    await aux
    const back = nextEvent(
      client,
      'floor:changed',
      (c) => changedAgents(c).some((a) => a.id === ready.id && a.acState === 'Available'),
      10_000,
    )
    expect((await act(ready.id, 'ready')).status).toBe(200)
    await back
    const out = nextEvent(
      client,
      'floor:changed',
      (c) => changedAgents(c).some((a) => a.id === ready.id && a.acState === 'LogOut'),
      10_000,
    )
    const res = await act(ready.id, 'logout', { reason: '下班' })
    // The agent may have taken a call in between: the platform refuses a logout mid-call (460).
    if (res.status === 200) await out
    else expect(res.status).toBe(409)
  })

  it('stops the lead’s own listen: the spy leg ends, the call goes on, and it is audited', async () => {
    const talking = await agentWhere((a) => a.acState === 'InboundTalking')
    const callId = talking.callId!
    const listeners = async () =>
      ((await (await fetch(`${sim.url}/sim/calls/${callId}`)).json()) as { listeners?: string[] })
        .listeners ?? []
    // Not listening yet: refused with its own code, and nothing goes to the platform.
    const early = await act(talking.id, 'stop-listen')
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: string }).error).toBe('not_listening')

    expect((await act(talking.id, 'listen')).status).toBe(200)
    expect(await listeners()).toContain('8999@test.cc')
    const stopped = await act(talking.id, 'stop-listen')
    // The call may have ended between the two clicks; then the platform's 456 comes back as 409.
    expect([200, 409]).toContain(stopped.status)
    if (stopped.status === 200) {
      expect(await listeners()).not.toContain('8999@test.cc')
      const floor = (await (await relay.lead.fetch('/api/floor')).json()) as {
        agents: AgentView[]
      }
      const now = floor.agents.find((a) => a.id === talking.id)!
      // The lead's listen is gone from the tile; the agent was not cut off by it.
      expect(now.monitors ?? []).not.toContainEqual(
        expect.objectContaining({ by: 'lead', op: 'listen' }),
      )
      const again = await act(talking.id, 'stop-listen')
      expect(again.status).toBe(409)
    }
    await relay.createUser({ username: 'auditor', role: 'admin' })
    const admin = await relay.signIn('auditor')
    const audit = (await (await admin.fetch('/api/audit?op=stop-listen')).json()) as {
      entries?: { op: string; outcome: string; supervisorDevice: string | null }[]
    }
    expect(audit.entries?.map((e) => e.outcome)).toContain('refused')
    expect(audit.entries?.every((e) => e.op === 'stop-listen')).toBe(true)
  })
})
