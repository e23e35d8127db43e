import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { quoteLongSerials } from '../../src/shared/serial'
import { agentStateEventSchema, callEndEventSchema } from '../../src/shared/webhooks'
import type { Agent } from './agent-model'
import { ManualClock } from './clock'
import { parseSimConfig } from './sim-config'
import { createSimServer } from './sim-server'
import type { SimTiming } from './sim-timing'
import { Simulator } from './simulator'

/*
 * A simulator with its HTTP server for tests: the model on a manual clock, the wall clock
 * (token and session lifetimes) faked, and every webhook it posts captured and checked
 * against the shared schemas. Used by the *.test.ts files only.
 */

export const TZ = 'Asia/Shanghai'
export const START = Date.UTC(2024, 5, 3, 1, 0, 0) // 09:00 on 3 June in Shanghai
export const SECOND = 1_000
export const MINUTE = 60 * SECOND

export type Posted = Record<string, unknown> & { eventName: string }

export interface Platform {
  clock: ManualClock
  sim: Simulator
  app: FastifyInstance
  /** Webhooks posted so far, in order. */
  events: Posted[]
  /** Moves the fake wall clock on. */
  wallAdvance(ms: number): void
  /** Runs the model for `ms` of simulated time and lets delivery catch up. */
  advance(ms: number): Promise<void>
  /** Delivery is asynchronous: waits until the sender has posted everything. */
  flush(): Promise<void>
  token(): Promise<string>
  session(): Promise<string>
}

const agentSchema = agentStateEventSchema(TZ)
const callSchema = callEndEventSchema(TZ)

export function startPlatform(
  args: string[] = [],
  seed = 5,
  start = START,
  /** Durations and shares to play instead of the defaults (e.g. every customer answers). */
  timing?: Partial<SimTiming>,
): Platform {
  const parsed = parseSimConfig(
    // Tests count calls at the base rate: a flat load unless they ask for another.
    ['--webhook', 'http://127.0.0.1:1/hook?token=t', '--agents', '12', '--load', 'flat', ...args],
    {},
  )
  if (!parsed.ok) throw new Error(parsed.error)
  const clock = new ManualClock(start)
  const events: Posted[] = []
  let wall = Date.UTC(2024, 0, 1)
  const sim = new Simulator(parsed.config, {
    clock,
    seed,
    log: () => {},
    timing,
    wallNow: () => wall,
    post: (_url, body) => {
      // As the relay reads it: a serial past 2^53 keeps its digits (as a string).
      events.push(JSON.parse(quoteLongSerials(body)) as Posted)
      return Promise.resolve(200)
    },
  })
  const app = createSimServer(sim, parsed.config, { wallNow: () => wall })
  const flush = async () => {
    for (let i = 0; i < 10_000; i++) {
      const s = sim.sender.stats()
      if (s.queued === 0 && s.inFlight === 0) return
      await new Promise((r) => setImmediate(r))
    }
    throw new Error('webhook delivery did not drain')
  }
  return {
    clock,
    sim,
    app,
    events,
    wallAdvance: (ms) => {
      wall += ms
    },
    advance: async (ms) => {
      clock.advance(ms)
      await flush()
    },
    flush,
    token: async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/accesstoken/apply',
        payload: { appId: 'demo-app', appSecret: 'demo-secret', apiKey: 'demo-key' },
      })
      expect(res.statusCode).toBe(200)
      return res.json<{ accessToken: string }>().accessToken
    },
    session: async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/security/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'username=supervisor-service&password=demo-password&namespace=test.cc',
      })
      expect(res.statusCode).toBe(200)
      return res.json<{ sessionId: string }>().sessionId
    },
  }
}

/** Runs the floor until `pick` finds an agent, in 1 s steps, for at most `withinMs`. */
export async function waitForAgent(
  p: Platform,
  pick: (a: Agent) => boolean,
  withinMs = 60 * MINUTE,
): Promise<Agent> {
  for (let t = 0; t <= withinMs; t += SECOND) {
    const agent = p.sim.center.agents.find(pick)
    if (agent) {
      await p.flush()
      return agent
    }
    p.clock.advance(SECOND)
  }
  throw new Error('no such agent turned up')
}

/** The webhooks posted since `from`, each checked against the shared schema of its kind. */
export function newEvents(p: Platform, from: number): Posted[] {
  const fresh = p.events.slice(from)
  for (const e of fresh) {
    const schema = e.eventName === 'callEnd' ? callSchema : agentSchema
    expect(schema.safeParse(e).error).toBeUndefined()
  }
  return fresh
}

/** Runs the floor until `count` calls have ended (and are in the call log). */
export async function runUntilCallsEnded(p: Platform, count: number): Promise<void> {
  for (let i = 0; i < 24 * 60 && p.sim.callLog.size < count; i++) p.clock.advance(MINUTE)
  await p.flush()
  expect(p.sim.callLog.size).toBeGreaterThanOrEqual(count)
}

/** Runs the floor, 1 s at a time, until call `callId` has ended; answers its callEnd. */
export async function runUntilCallEnded(
  p: Platform,
  callId: string,
  withinMs = 60 * MINUTE,
): Promise<Posted> {
  for (let t = 0; t < withinMs && !p.sim.callLog.get(callId); t += SECOND) p.clock.advance(SECOND)
  await p.flush()
  const end = p.events.find((e) => e.eventName === 'callEnd' && e.callId === callId)
  if (!end) throw new Error(`call ${callId} did not end`)
  return end
}

/** The agentStateEvents posted since `from` that name call `callId`, each schema-checked. */
export function agentEventsOfCall(p: Platform, from: number, callId: string): Posted[] {
  return newEvents(p, from).filter((e) => e.eventName === 'agentStateEvent' && e.callId === callId)
}
