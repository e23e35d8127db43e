import { setImmediate as tick } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { ManualClock } from './clock'
import type { WireEvent } from './event-factory'
import { type PostFn, WebhookSender } from './webhook-sender'

const UNIT = 1_000 // the retry "minute" in these tests, simulated ms

interface Attempt {
  at: number
  body: WireEvent
}

/** A receiver that answers from `status(attempt)` and records when each attempt arrived. */
function setup(
  status: (body: WireEvent, attempt: number) => number,
  extra: { maxRetrying?: number } = {},
) {
  const clock = new ManualClock(0)
  const attempts: Attempt[] = []
  const logs: string[] = []
  const post: PostFn = (_url, body) => {
    const event = JSON.parse(body) as WireEvent
    const n = attempts.filter((a) => a.body.serial === event.serial).length
    attempts.push({ at: clock.now(), body: event })
    const code = status(event, n)
    return code < 0 ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(code)
  }
  const sender = new WebhookSender({
    url: 'http://x/hook',
    clock,
    retryUnitMs: UNIT,
    log: (l) => logs.push(l),
    post,
    ...extra,
  })
  return { clock, attempts, logs, sender }
}

const agentEvent = (serial: number): WireEvent => ({
  eventName: 'agentStateEvent',
  serial,
  id: '5001@test.cc',
})
const callEnd = (serial: number): WireEvent => ({
  eventName: 'callEnd',
  serial,
  callId: `call-${serial}`,
})

/** Lets the pending post promises settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await tick()
}

describe('WebhookSender', () => {
  it('sends agent events once, counting and logging failures without retrying', async () => {
    const { clock, attempts, logs, sender } = setup((e) => (e.serial === 2 ? 500 : 200))
    for (const s of [1, 2, 3]) sender.send(agentEvent(s))
    await settle()
    clock.advance(100 * UNIT)
    await settle()
    expect(attempts.map((a) => a.body.serial)).toEqual([1, 2, 3])
    expect(sender.stats()).toMatchObject({
      sent: { agentStateEvent: 2 },
      failed: { agentStateEvent: 1 },
      retryPending: 0,
    })
    expect(logs.join('\n')).toMatch(/failing \(HTTP 500\).*serial 2/)
    expect(logs.join('\n')).toMatch(/restored/)
  })

  it('retries a failed callEnd after 1, 2, 3 units with the same body, until it is taken', async () => {
    const { clock, attempts, sender } = setup((_e, n) => (n < 3 ? (n === 1 ? -1 : 503) : 200))
    sender.send(callEnd(9))
    await settle()
    for (let i = 0; i < 20; i++) {
      clock.advance(UNIT / 2)
      await settle()
    }
    expect(attempts.map((a) => a.at)).toEqual([0, 1 * UNIT, 3 * UNIT, 6 * UNIT])
    expect(new Set(attempts.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect(sender.stats()).toMatchObject({
      sent: { callEnd: 1 },
      failed: { callEnd: 3 },
      retried: 3,
      retryPending: 0,
    })
  })

  it('gives up after the 30th retry and says so', async () => {
    const { clock, attempts, logs, sender } = setup(() => 500)
    sender.send(callEnd(1))
    await settle()
    for (let n = 1; n <= 31; n++) {
      clock.advance(n * UNIT)
      await settle()
    }
    expect(attempts).toHaveLength(31)
    expect(attempts.at(-1)!.at).toBe(((30 * 31) / 2) * UNIT)
    expect(sender.stats()).toMatchObject({ gaveUp: 1, retryPending: 0 })
    expect(logs.at(-1)).toMatch(/gave up on callEnd serial 1 callId call-1 after 30 retries/)
  })

  it('keeps at most a few requests in flight and sends in order', async () => {
    const clock = new ManualClock(0)
    const started: number[] = []
    const release: Array<() => void> = []
    let inFlight = 0
    let maxInFlight = 0
    const post: PostFn = (_url, body) => {
      started.push((JSON.parse(body) as WireEvent).serial as number)
      maxInFlight = Math.max(maxInFlight, ++inFlight)
      return new Promise((resolve) =>
        release.push(() => {
          inFlight--
          resolve(200)
        }),
      )
    }
    const sender = new WebhookSender({
      url: 'http://x',
      clock,
      retryUnitMs: UNIT,
      log: () => {},
      post,
      concurrency: 3,
    })
    for (let s = 1; s <= 10; s++) sender.send(agentEvent(s))
    expect(started).toEqual([1, 2, 3])
    expect(sender.stats()).toMatchObject({ queued: 7, inFlight: 3 })
    while (release.length > 0) {
      release.shift()!()
      await settle()
    }
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(maxInFlight).toBe(3)
    expect(sender.stats().sent.agentStateEvent).toBe(10)
  })

  it('caps the callEnds waiting for a retry, dropping the oldest', async () => {
    const { sender, logs } = setup(() => 500, { maxRetrying: 2 })
    for (const s of [1, 2, 3]) sender.send(callEnd(s))
    await settle()
    expect(sender.stats()).toMatchObject({ retryPending: 2, dropped: 1 })
    expect(logs.join('\n')).toMatch(
      /retry queue full: dropping the oldest events, first callEnd serial 1/,
    )
  })

  it('sends nothing more once stopped', async () => {
    const { clock, attempts, sender } = setup(() => 500)
    sender.send(callEnd(1))
    await settle()
    sender.stop()
    clock.advance(10 * UNIT)
    sender.send(callEnd(2))
    await settle()
    expect(attempts).toHaveLength(1)
    expect(clock.pending()).toBe(0)
  })
})
