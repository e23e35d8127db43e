import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import type { TestRelay } from '../testing/test-relay'

// The platform's agentStateEvent gives `channelAddr` as a bare extension (`8001`), while its
// CSTA calls want device ids with the domain and refuse a bare one: the relay must add it.
// The simulator plays both (`--bare-devices`); what it received is read from its CSTA log.
let sim: SimulatorProcess
let relay: TestRelay

interface LogEntry {
  method: string
  url: string
  body: Record<string, unknown> | null
  status: number
}

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator(
    ['--bare-devices', '--agents', '12', '--speed', '8', '--seed', '3', '--namespace', 'test.cc'],
    { api: 'csta' },
  ))
}, 60_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

async function agentWhere(test: (a: AgentView) => boolean): Promise<AgentView> {
  for (let i = 0; i < 300; i++) {
    const floor = (await (await relay.lead.fetch('/api/floor')).json()) as { agents: AgentView[] }
    const found = floor.agents.find(test)
    if (found) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no such agent on the floor in time')
}

/** The simulator's log entries of CSTA calls (not logins) after the first `from`. */
async function cstaCalls(from = 0): Promise<LogEntry[]> {
  const log = (await (await fetch(`${sim.url}/sim/csta-log?limit=1000`)).json()) as LogEntry[]
  return log.slice(from).filter((e) => e.url.startsWith('/api/csta/'))
}
const logLength = async () =>
  ((await (await fetch(`${sim.url}/sim/csta-log?limit=1000`)).json()) as unknown[]).length

const act = (agentId: string, op: string) =>
  relay.lead.fetch(`/api/agents/${agentId}/actions/${op}`, { method: 'POST' })

describe('agents whose channelAddr comes without the domain', () => {
  it('shows the extension as the platform sent it', async () => {
    const agent = await agentWhere((a) => a.channelAddr !== null)
    expect(agent.channelAddr).toMatch(/^80\d\d$/)
  })

  it('sends the agent’s device with the domain in an agent-state call, and it succeeds', async () => {
    // An agent on a break takes no call, so nothing races the action.
    const away = await agentWhere((a) => a.acState === 'Aux' && a.channelAddr !== null)
    const from = await logLength()
    expect((await act(away.id, 'ready')).status).toBe(200)
    const [call] = await cstaCalls(from)
    expect(call).toMatchObject({
      url: '/api/csta/agent/state',
      body: { func: 'SetState', device: `${away.channelAddr}@test.cc`, agentId: away.id },
      status: 204,
    })
  })

  it('sends the connection id {deviceId}|{callId} with the domain, and the drop succeeds', async () => {
    const talking = await agentWhere((a) => a.acState === 'InboundTalking' && a.callId !== null)
    const from = await logLength()
    const res = await act(talking.id, 'drop')
    const [call] = await cstaCalls(from)
    expect(call!.method).toBe('DELETE')
    expect(call!.url).toBe(
      `/api/csta/callControl/calls/${talking.callId}/connections/${talking.channelAddr}@test.cc%7C${talking.callId}`,
    )
    // 409: the call ended by itself between the look and the click (456); never a 453.
    if (res.status === 200) expect(call!.status).toBe(204)
    else expect([res.status, call!.status]).toEqual([409, 456])
  })
})
