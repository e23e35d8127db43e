import { afterEach, describe, expect, it } from 'vitest'
import { startTestRelay, TEST_PASSWORD, type TestRelay } from '../testing/test-relay'

let relay: TestRelay
const running: TestRelay[] = []
async function start(opts: Parameters<typeof startTestRelay>[0] = {}): Promise<TestRelay> {
  relay = await startTestRelay(opts)
  running.push(relay)
  return relay
}
async function stop(r: TestRelay, opts: { keepData?: boolean } = {}): Promise<void> {
  running.splice(running.indexOf(r), 1)
  await r.close(opts)
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()))
})

interface Answer {
  status: number
  retryAfterSec: number | undefined
  message: string | undefined
  cookies: string[]
}

/** One sign-in attempt over real HTTP, with the headers a client (or a proxy) would send. */
async function attempt(
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${relay.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  })
  const body = res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>)
  const retryAfterSec = typeof body.retryAfterSec === 'number' ? body.retryAfterSec : undefined
  if (res.status === 429) expect(res.headers.get('retry-after')).toBe(String(retryAfterSec))
  return {
    status: res.status,
    retryAfterSec,
    message: typeof body.message === 'string' ? body.message : undefined,
    cookies: res.headers.getSetCookie(),
  }
}

const from = (address: string) => ({ 'x-forwarded-for': address })

function count(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length
}

describe('parallel guesses', () => {
  it('checks at most 5 of 100 parallel guesses, and the right password does not get in during the lock', async () => {
    await start({ env: { TRUST_PROXY: '127.0.0.1' } })
    const attacker = from('203.0.113.66')
    let refused = () => {}
    const firstRefusal = new Promise<void>((resolve) => (refused = resolve))
    const guess = async (password: string) => {
      const { status } = await attempt('lead', password, attacker)
      if (status === 429) refused()
      return status
    }
    const first = Array.from({ length: 50 }, (_, i) => guess(`guess-${i}`))
    const second = Array.from({ length: 50 }, (_, i) => guess(`guess-${50 + i}`))
    // The right password joins the burst while it is being answered, as soon as the relay
    // has started refusing (the guesses it took are still being checked then).
    const right = Promise.race([firstRefusal, Promise.all([...first, ...second])]).then(() =>
      guess(TEST_PASSWORD),
    )
    const statuses = await Promise.all([...first, right, ...second])

    const checked = count(statuses, 401) + count(statuses, 204)
    expect(checked).toBe(5)
    expect(count(statuses, 429)).toBe(96)
    expect(await right).toBe(429)
    // Still locked for that address once the burst is over.
    expect((await attempt('lead', TEST_PASSWORD, attacker)).status).toBe(429)
  }, 60_000)
})

describe('the delay between attempts', () => {
  it('makes each further attempt wait longer after 5 failures, doubling up to 15 minutes', async () => {
    let now = Date.now()
    await start({ now: () => now, env: { TRUST_PROXY: '127.0.0.1' } })
    const guesser = from('203.0.113.7')
    for (let i = 0; i < 5; i++)
      expect((await attempt('lead', `guess-${i}`, guesser)).status).toBe(401)
    const waits: number[] = []
    for (let k = 0; k < 7; k++) {
      const refused = await attempt('lead', `guess-again-${k}`, guesser)
      expect(refused.status).toBe(429)
      const wait = refused.retryAfterSec!
      waits.push(wait)
      // A refused attempt is not checked and does not prolong the wait.
      now += (wait - 1) * 1000
      expect(await attempt('lead', TEST_PASSWORD, guesser)).toMatchObject({
        status: 429,
        retryAfterSec: 1,
        message: 'too many failed sign-ins: try again in 1 minute',
      })
      now += 1000
      expect((await attempt('lead', `guess-more-${k}`, guesser)).status).toBe(401)
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900])
  }, 60_000)
})

describe('X-Forwarded-For', () => {
  // Few free failures per address, so a handful of guesses shows whose address they count on.
  const throttle = { perAddress: 3 }

  /** Guesses for 6 names at once, each claiming another address. */
  async function spoofedSpray(): Promise<number[]> {
    return Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        return (await attempt(`nobody-${i}`, 'guess', from(`198.51.100.${i + 1}`))).status
      }),
    )
  }

  async function signInOverHttps(): Promise<string> {
    const res = await attempt('lead', TEST_PASSWORD, { 'x-forwarded-proto': 'https' })
    expect(res.status).toBe(204)
    return res.cookies.find((c) => c.startsWith('sid='))!
  }

  it('is ignored without TRUST_PROXY: every guess counts against the real address', async () => {
    await start({ throttle })
    const statuses = await spoofedSpray()
    expect(count(statuses, 401)).toBe(3)
    expect(count(statuses, 429)).toBe(3)
    expect(await signInOverHttps()).not.toMatch(/;\s*Secure/i)
  })

  it('is believed only from the proxies TRUST_PROXY names: addresses, ranges or a hop count', async () => {
    // The relay is reached from 127.0.0.1, which these do not name.
    await start({ throttle, env: { TRUST_PROXY: '10.0.0.0/8, 192.168.0.1' } })
    expect(count(await spoofedSpray(), 429)).toBe(3)
    expect(await signInOverHttps()).not.toMatch(/;\s*Secure/i)
    await stop(relay)
    for (const trust of ['127.0.0.0/8,10.0.0.1', '1']) {
      await start({ throttle, env: { TRUST_PROXY: trust } })
      expect(count(await spoofedSpray(), 401), trust).toBe(6)
      expect(await signInOverHttps(), trust).toMatch(/;\s*Secure/i)
      await stop(relay)
    }
  }, 60_000)
})

describe('an attacker who knows a user name', () => {
  it('cannot keep the user out: the right password works from an address the user signed in from before', async () => {
    await start({ env: { TRUST_PROXY: '127.0.0.1' } })
    const home = from('198.51.100.20')
    expect((await attempt('lead', TEST_PASSWORD, home)).status).toBe(204)
    // Known addresses are kept in the database: a restart does not forget them.
    await stop(relay, { keepData: true })
    await start({ dataDir: relay.dataDir, env: { TRUST_PROXY: '127.0.0.1' } })

    const attacker = from('203.0.113.66')
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt('lead', `guess-${i}`, attacker)),
    )
    expect(
      count(
        burst.map((a) => a.status),
        429,
      ),
    ).toBe(25)

    expect((await attempt('lead', TEST_PASSWORD, home)).status).toBe(204)
    // A typo at home is counted on the home address's own counter, and does not lock the user.
    expect((await attempt('lead', 'typo', home)).status).toBe(401)
    expect((await attempt('lead', TEST_PASSWORD, home)).status).toBe(204)
    // From an address the user never signed in from, the account stays locked.
    expect((await attempt('lead', TEST_PASSWORD, from('192.0.2.55'))).status).toBe(429)
    expect((await attempt('lead', TEST_PASSWORD, attacker)).status).toBe(429)
  })
})
