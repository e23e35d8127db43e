import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionRefused } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { type HealthDetails, healthDetailsSchema } from '@/shared/health'
import { type RelayOnSimulator, startRelayOnSimulator } from '../testing/simulator-process'

// The relay's CSTA session against the real simulator when the platform answers a dead
// session 426 ("get AccessToken failed", as the wellClient SDK knows it) instead of 401.
// Logins are counted on the simulator's side, from its log of CSTA requests.

type Platform = RelayOnSimulator

interface LogEntry {
  method: string
  url: string
  status: number
}

// No calls: agents only move between ready, breaks and logout, so an action on one is not
// raced by a call arriving.
const QUIET_FLOOR = ['--agents', '12', '--rate', '0', '--outbound-rate', '0', '--seed', '7']

async function startPlatform(args: string[]): Promise<Platform> {
  const platform = await startRelayOnSimulator(
    ['--session-expiry-code', '426', ...QUIET_FLOOR, ...args],
    { api: 'csta' },
  )
  await platform.relay.createUser({ username: 'root', role: 'admin' })
  return platform
}

async function stopPlatform(p: Platform | undefined): Promise<void> {
  await p?.stop()
}

async function cstaLog(p: Platform): Promise<LogEntry[]> {
  return (await (await fetch(`${p.sim.url}/sim/csta-log?limit=1000`)).json()) as LogEntry[]
}

const isLogin = (e: LogEntry) => e.url === '/api/security/login'

/** Logins the simulator received after the first `from` log entries. */
async function loginsSince(p: Platform, from: number): Promise<number> {
  return (await cstaLog(p)).slice(from).filter(isLogin).length
}

async function agents(p: Platform): Promise<AgentView[]> {
  const res = await p.relay.lead.fetch('/api/floor')
  return ((await res.json()) as { agents: AgentView[] }).agents
}

/** Waits until the floor holds `count` agents that are ready or on a break. */
async function idleAgents(p: Platform, count: number): Promise<AgentView[]> {
  for (let i = 0; i < 300; i++) {
    const idle = (await agents(p)).filter((a) => a.acState === 'Available' || a.acState === 'Aux')
    if (idle.length >= count) return idle.slice(0, count)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`fewer than ${count} agents ready or on a break in time`)
}

/** Sets an agent ready or not ready, whichever it is not now; its answer. */
async function toggle(p: Platform, agent: AgentView): Promise<Response> {
  const current = (await agents(p)).find((a) => a.id === agent.id) ?? agent
  const op = current.acState === 'Available' ? 'not-ready' : 'ready'
  return p.relay.lead.fetch(`/api/agents/${agent.id}/actions/${op}`, { method: 'POST' })
}

async function health(p: Platform): Promise<HealthDetails> {
  const admin = await p.relay.signIn('root')
  return healthDetailsSchema.parse(await (await admin.fetch('/api/health/details')).json())
}

describe('a CSTA session that expires, answered 426', () => {
  let p: Platform

  beforeAll(async () => {
    p = await startPlatform([])
  }, 60_000)
  afterAll(() => stopPlatform(p))

  it('logs in exactly once after the session expired, and the action succeeds', async () => {
    const [agent] = await idleAgents(p, 1)
    expect((await toggle(p, agent!)).status).toBe(200)
    const expiredAt = Date.now()
    const ended = await fetch(`${p.sim.url}/sim/csta/sessions/expire`, { method: 'POST' })
    expect(await ended.json()).toEqual({ expired: 1 })
    const from = (await cstaLog(p)).length

    const res = await toggle(p, agent!)
    expect(res.status).toBe(200)
    const after = (await cstaLog(p)).slice(from)
    expect(after.map((e) => (isLogin(e) ? 'login' : e.status))).toEqual([426, 'login', 204])

    // The admins' health page shows the refusal and the new login, with their times.
    const csta = (await health(p)).csta
    expect(csta).toMatchObject({
      session: 'live',
      lastCall: { status: 204 },
      lastError: { kind: 'session_refused', status: 426, retried: false },
    })
    expect(csta!.lastError!.at).toBeGreaterThanOrEqual(expiredAt)
    expect(csta!.lastLoginAt).toBeGreaterThanOrEqual(csta!.lastError!.at)
  })

  it('lets actions refused at the same time share one login', async () => {
    const three = await idleAgents(p, 3)
    const ended = await fetch(`${p.sim.url}/sim/csta/sessions/expire`, { method: 'POST' })
    expect(((await ended.json()) as { expired: number }).expired).toBeGreaterThan(0)
    const from = (await cstaLog(p)).length

    const answers = await Promise.all(three.map((a) => toggle(p, a)))
    // 409: the agent changed by itself meanwhile, which the platform may say; never a 502.
    for (const a of answers) expect([200, 409]).toContain(a.status)
    expect(answers.some((a) => a.status === 200)).toBe(true)
    expect(await loginsSince(p, from)).toBe(1)
  })
})

describe('a CSTA session refused again after the new login', () => {
  let p: Platform

  beforeAll(async () => {
    // Sessions die as they are issued: every call is refused, the retry too.
    p = await startPlatform(['--csta-session-ttl-sec', '0'])
  }, 60_000)
  afterAll(() => stopPlatform(p))

  it('says what 426 means, after one new login and one retry', async () => {
    const [agent] = await idleAgents(p, 1)
    const from = (await cstaLog(p)).length
    const res = await toggle(p, agent!)
    expect(res.status).toBe(502)
    const body = (await res.json()) as ActionRefused
    expect(body.upstreamStatus).toBe(426)
    expect(body.messages.en).toMatch(/even after a new login .*access token.*\(426\)/)
    expect(body.messages.zh).toContain('重新登录后仍')
    const after = (await cstaLog(p)).slice(from)
    // The first login, the refused call, one more login, the refused retry: no loop.
    expect(after.map((e) => (isLogin(e) ? 'login' : e.status))).toEqual([
      'login',
      426,
      'login',
      426,
    ])
    expect((await health(p)).csta?.lastError).toMatchObject({
      kind: 'session_refused',
      status: 426,
      retried: true,
    })
  })
})
