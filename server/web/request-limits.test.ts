import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import {
  API_BODY_LIMIT,
  API_REQUESTS_PER_MIN,
  PAST_FLOORS_PER_MIN,
  SNAPSHOTS_PER_MIN,
} from './request-limits'

// What one client may cost the REST API: a real relay, real HTTP.
let relay: TestRelay

beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

/** Sends `n` requests, a few at a time; resolves to their statuses in order. */
async function burst(n: number, send: () => Promise<Response>): Promise<number[]> {
  const statuses: number[] = []
  const PARALLEL = 20
  for (let i = 0; i < n; i += PARALLEL) {
    const round = await Promise.all(
      Array.from({ length: Math.min(PARALLEL, n - i) }, async () => {
        const res = await send()
        await res.arrayBuffer()
        return res.status
      }),
    )
    statuses.push(...round)
  }
  return statuses
}

describe('a client of the REST API', () => {
  it('is told to wait once over its requests a minute, without slowing other users', async () => {
    const statuses = await burst(API_REQUESTS_PER_MIN + 5, () => relay.lead.fetch('/api/me'))
    expect(statuses.filter((s) => s === 200)).toHaveLength(API_REQUESTS_PER_MIN)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    const refused = await relay.lead.fetch('/api/me')
    expect(refused.status).toBe(429)
    const body = (await refused.json()) as { error: string; message: string }
    expect(body.error).toBe('rate_limited')
    expect(body.message).toContain(`at most ${API_REQUESTS_PER_MIN} a minute`)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another session is counted on its own.
    await relay.createUser({ username: 'second', role: 'viewer' })
    const other = await relay.signIn('second')
    expect((await other.fetch('/api/me')).status).toBe(200)
  })

  it('may build the whole floor only so often', async () => {
    const statuses = await burst(SNAPSHOTS_PER_MIN + 3, () => relay.lead.fetch('/api/floor'))
    expect(statuses.filter((s) => s === 200)).toHaveLength(SNAPSHOTS_PER_MIN)
    expect(statuses.slice(-3)).toEqual([429, 429, 429])
  })

  it('may build a past floor less often, counted apart from the live one', async () => {
    const at = Date.now() - 60_000
    const statuses = await burst(PAST_FLOORS_PER_MIN + 2, () =>
      relay.lead.fetch(`/api/floor?at=${at}`),
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(PAST_FLOORS_PER_MIN)
    expect(statuses.slice(-2)).toEqual([429, 429])
    const refused = await relay.lead.fetch(`/api/floor?at=${at}`)
    expect(((await refused.json()) as { message: string }).message).toContain(
      `at most ${PAST_FLOORS_PER_MIN} a minute`,
    )
    // The live floor is still there.
    expect((await relay.lead.fetch('/api/floor')).status).toBe(200)
  })

  it('may not send a body over the limit', async () => {
    const res = await relay.lead.fetch('/api/views', {
      method: 'POST',
      json: { name: 'x'.repeat(API_BODY_LIMIT), query: {} },
    })
    expect(res.status).toBe(413)
  })

  it("leaves the platform's webhook alone: it sends as fast as its floor changes", async () => {
    let ok = 0
    for (let i = 0; i < API_REQUESTS_PER_MIN + 20; i += 20) {
      const round = await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          relay.post(agentEvent({ serial: i + j + 1, id: `${5000 + j}@test.cc` })),
        ),
      )
      ok += round.filter((r) => r.status === 200).length
    }
    expect(ok).toBe(API_REQUESTS_PER_MIN + 20)
  })
})
