import { afterEach, describe, expect, it, vi } from 'vitest'
import { ManualClock } from './clock'
import { parseSimConfig } from './sim-config'
import { createSimServer } from './sim-server'
import { Simulator } from './simulator'

function setup() {
  const parsed = parseSimConfig(
    ['--webhook', 'http://127.0.0.1:1/hook?token=t', '--agents', '12'],
    {},
  )
  if (!parsed.ok) throw new Error(parsed.error)
  const clock = new ManualClock(Date.UTC(2024, 5, 3, 1, 0, 0))
  const posted: string[] = []
  const sim = new Simulator(parsed.config, {
    clock,
    seed: 3,
    log: () => {},
    post: (_url, body) => {
      posted.push(body)
      return Promise.resolve(200)
    },
  })
  const app = createSimServer(sim, parsed.config)
  return { clock, sim, app, posted }
}

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
})

describe('simulator HTTP API', () => {
  it('answers health, and stats that follow the floor', async () => {
    const { clock, sim, app, posted } = setup()
    cleanup = () => app.close()
    expect((await app.inject('/sim/health')).json()).toEqual({ ok: true })
    sim.start()
    clock.advance(20 * 60_000)
    await new Promise((r) => setImmediate(r))
    const stats = (await app.inject('/sim/stats')).json<ReturnType<Simulator['stats']>>()
    expect(stats.simTime).toBe('2024.06.03 09:20:00.000')
    expect(stats.seed).toBe(3)
    expect(Object.values(stats.agentsByState).reduce((a, b) => a + b, 0)).toBe(12)
    expect(stats.callsEnded).toBeGreaterThan(0)
    expect(stats.callsLogged).toBe(stats.callsEnded)
    expect(stats.webhook.sent.agentStateEvent + stats.webhook.sent.callEnd).toBe(posted.length)
  })

  it('lists agents with their state, filtered by state and skill', async () => {
    const { clock, sim, app } = setup()
    cleanup = () => app.close()
    sim.start()
    clock.advance(60_000)
    const all = (await app.inject('/sim/agents')).json<
      Array<{ id: string; acState: string; skills: string[] }>
    >()
    expect(all).toHaveLength(12)
    expect(all[0]).toMatchObject({
      id: '5001@test.cc',
      extension: '8001@test.cc',
      org: { treePos: '1.1' },
    })
    const available = all.filter((a) => a.acState === 'Available').length
    const res = await app.inject('/sim/agents?state=Available&skill=7001%40test.cc')
    const filtered = res.json<typeof all>()
    expect(filtered.length).toBeLessThanOrEqual(available)
    expect(
      filtered.every((a) => a.acState === 'Available' && a.skills.includes('7001@test.cc')),
    ).toBe(true)
  })

  it('rejects a bad query with a 400 that says what is wrong', async () => {
    const { app } = setup()
    cleanup = () => app.close()
    const res = await app.inject('/sim/agents?state=Sleeping')
    expect(res.statusCode).toBe(400)
    expect(res.json<{ error: string }>().error).toMatch(/^state:/)
  })

  it('records a finished call of a given length on request, with its recording and callEnd', async () => {
    const { sim, app, posted } = setup()
    cleanup = () => app.close()
    const res = await app.inject({
      method: 'POST',
      url: '/sim/fixtures/calls',
      payload: { talkSec: 3600 },
    })
    expect(res.statusCode).toBe(201)
    const call = res.json<{ callId: string; talkLength: number; hasRecording: boolean }>()
    expect(call.talkLength).toBe(3600)
    expect(call.hasRecording).toBe(true)
    expect(sim.callLog.get(call.callId)).toBeDefined()
    await vi.waitFor(() =>
      expect(posted.some((b) => b.includes(call.callId) && b.includes('"callEnd"'))).toBe(true),
    )
    const bad = await app.inject({
      method: 'POST',
      url: '/sim/fixtures/calls',
      payload: { talkSec: -1 },
    })
    expect(bad.statusCode).toBe(400)
  })
})
