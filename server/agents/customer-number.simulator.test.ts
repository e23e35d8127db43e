import { afterAll, describe, expect, it } from 'vitest'
import type { AgentView, CallSummary } from '@/shared/floor'
import { type RelayOnSimulator, startRelayOnSimulator } from '../testing/simulator-process'
import type { TestRelay } from '../testing/test-relay'

// The relay against the simulator program: as seed 003 §7.3 (no caller in the event, no CDR
// until the call ends) and as a platform that adds the caller (`--caller-in-event`).
const started: RelayOnSimulator[] = []

afterAll(async () => {
  for (const pair of started) await pair.stop()
})

async function platform(args: string[]): Promise<TestRelay> {
  const pair = await startRelayOnSimulator([
    '--agents',
    '12',
    '--speed',
    '20',
    '--seed',
    '4',
    ...args,
  ])
  started.push(pair)
  return pair.relay
}

interface Floor {
  agents: AgentView[]
  latestCalls: CallSummary[]
}

async function floorWhere<T>(relay: TestRelay, pick: (f: Floor) => T | undefined): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = pick((await (await relay.lead.fetch('/api/floor')).json()) as Floor)
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the floor never showed it')
}

const onInboundCall = (a: AgentView) => a.acState === 'InboundTalking' && a.callId !== null

describe("the customer's number with the simulated platform", () => {
  it('shows the caller the event carries, the one the call record names', async () => {
    const relay = await platform(['--caller-in-event'])
    const agent = await floorWhere(relay, (f) => f.agents.find(onInboundCall))
    expect(agent.customerNumber).toMatch(/^\d{5,}$/)
    const call = await floorWhere(relay, (f) =>
      f.latestCalls.find((c) => c.callId === agent.callId),
    )
    expect(call.customerPhone).toBe(agent.customerNumber)
  }, 90_000)

  it('as the seed: no number during the call, since neither the event nor a CDR has it yet', async () => {
    const relay = await platform([])
    const agents = await floorWhere(relay, (f) => {
      const on = f.agents.filter(onInboundCall)
      return on.length >= 2 ? on : undefined
    })
    // Time for the lookups to come back (14011: the call has no CDR while it runs).
    await new Promise((r) => setTimeout(r, 500))
    const now = (await (await relay.lead.fetch('/api/floor')).json()) as Floor
    for (const a of agents) {
      const held = now.agents.find((x) => x.id === a.id)!
      if (held.callId === a.callId) expect(held.customerNumber).toBeNull()
    }
  }, 90_000)
})
