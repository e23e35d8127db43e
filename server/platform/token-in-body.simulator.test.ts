import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallsPage } from '@/shared/cdr'
import { formatQueryTime } from '@/shared/platform-time'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import type { TestRelay } from '../testing/test-relay'

// A platform whose gateway answers a dead access token with HTTP 200 and
// `{"errorCode": 401, …}` in the body (`--token-error-in-body`): the relay must take it for
// an expired token as it takes HTTP 401. Tokens are ended early on the simulator's side
// (`POST /sim/tokens/expire`, as a revocation would), while the relay still believes in its
// own; token applications are counted there too (`GET /sim/keys`).
const TZ = 'Asia/Shanghai'
let sim: SimulatorProcess
let relay: TestRelay

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator([
    ...['--token-error-in-body', '--agents', '8', '--speed', '20', '--seed', '11'],
  ]))
}, 60_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

const tokensIssued = async () =>
  ((await (await fetch(`${sim.url}/sim/keys`)).json()) as { tokens: { issued: number } }).tokens
    .issued

async function expireTokens(): Promise<void> {
  const res = await fetch(`${sim.url}/sim/tokens/expire`, { method: 'POST' })
  expect(((await res.json()) as { expired: number }).expired).toBeGreaterThan(0)
}

function callsPage(page: number): Promise<Response> {
  const now = Date.now()
  const qs = new URLSearchParams({
    beginTime: formatQueryTime(now - 3 * 3600_000, TZ),
    endTime: formatQueryTime(now + 3600_000, TZ),
    p: String(page),
  })
  return relay.lead.fetch(`/api/calls?${qs}`)
}

describe('an expired token answered 200 with errorCode 401', () => {
  it('gets one new token and the CDR query succeeds', async () => {
    expect((await callsPage(1)).status).toBe(200)
    const before = await tokensIssued()
    await expireTokens()
    const res = await callsPage(1)
    expect(res.status).toBe(200)
    expect(Array.isArray(((await res.json()) as CallsPage).list)).toBe(true)
    expect((await tokensIssued()) - before).toBe(1)
  })

  it('gets ONE new token for many queries refused at once', async () => {
    expect((await callsPage(1)).status).toBe(200)
    const before = await tokensIssued()
    await expireTokens()
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => callsPage(i + 1)))
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
    expect((await tokensIssued()) - before).toBe(1)
  })
})
