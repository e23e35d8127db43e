import v8 from 'node:v8'
import vm from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { FloorSnapshot } from '@/shared/floor'
import {
  changedAgents,
  type FloorClient,
  nextEvent,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { MAX_CLIENT_MESSAGE_BYTES, MAX_WAITING_ANSWERS } from './socket-limits'

let relay: TestRelay
afterEach(async () => {
  vi.restoreAllMocks()
  await relay.close()
})

// What a flood of 400,000 resyncs may leave behind on the relay's heap once its socket is gone.
const FLOOD_HEAP_BOUND_BYTES = 8 * 1024 * 1024
// It takes a few seconds; a relay without limits takes far longer, and should fail on memory.
const FLOOD_TEST_TIMEOUT_MS = 60_000

describe('what one socket may cost the relay', () => {
  it(
    'a socket flooding 400,000 resyncs is cut off, leaves the heap within 8 MB, computes two snapshots at most and leaves nothing scheduled',
    async () => {
      const gc = exposeGc()
      relay = await startTestRelay()
      for (let i = 0; i < 50; i++)
        await relay.post(agentEvent({ id: `${5000 + i}@test.cc`, serial: i }))
      const watcher = relay.client()
      const flooder = relay.client()
      // An attacker's script does not reconnect politely once cut off.
      flooder.io.reconnection(false)
      await Promise.all([
        nextEvent(watcher, 'floor:snapshot'),
        nextEvent(flooder, 'floor:snapshot'),
      ])
      const cut = closeReason(flooder)
      gc()
      const heapBefore = process.memoryUsage().heapUsed
      const timersBefore = activeTimers()
      const snapshots = vi.spyOn(relay.app.gateway, 'snapshot')

      // Raw socket.io packets (`2<ack id>["floor:resync"]`), as fast as the client can write them,
      // below socket.io-client's own buffering: 400 rounds of 1,000, yielding between rounds.
      let id = 0
      for (let round = 0; round < 400; round++) {
        for (let i = 0; i < 1_000; i++) flooder.io.engine.write(`2${id++}["floor:resync"]`)
        await new Promise((resolve) => setImmediate(resolve))
      }
      // Whatever the relay did not cut off, the client closes now; then wait until the relay has
      // seen the socket leave.
      if (flooder.connected) flooder.disconnect()
      await waitFor(() => (relay.app.io.of('/').sockets.size === 1 ? true : null), 15_000)
      gc()
      const grown = process.memoryUsage().heapUsed - heapBefore

      expect(grown).toBeLessThan(FLOOD_HEAP_BOUND_BYTES)
      expect(activeTimers()).toBeLessThanOrEqual(timersBefore)
      expect(relay.app.gateway.limits.stats()).toEqual({ sockets: 1, timers: 0 })
      expect(snapshots.mock.calls.length).toBeLessThanOrEqual(2)
      expect(await cut).toBe('io server disconnect')
      // The watcher on the same relay never noticed.
      expect(watcher.connected).toBe(true)
      const change = nextEvent(watcher, 'floor:changed')
      await relay.post(agentEvent({ id: '5000@test.cc', serial: 1_000, acState: 'Aux' }))
      expect(changedAgents(await change).map((a) => a.id)).toEqual(['5000@test.cc'])
    },
    FLOOD_TEST_TIMEOUT_MS,
  )

  it('resyncs asked while one is pending share its answer', async () => {
    relay = await startTestRelay()
    const client = relay.client()
    await nextEvent(client, 'floor:snapshot')
    const snapshots = vi.spyOn(relay.app.gateway, 'snapshot')
    const asks = 1 + MAX_WAITING_ANSWERS
    const answers = await Promise.all(
      Array.from(
        { length: asks },
        () => new Promise<FloorSnapshot>((resolve) => client.emit('floor:resync', resolve)),
      ),
    )
    expect(answers).toHaveLength(asks)
    expect(answers.every((a) => a.namespace === 'test.cc')).toBe(true)
    // The first at once; all the others wait for one more, the second a second later.
    expect(snapshots).toHaveBeenCalledTimes(2)
    expect(relay.app.gateway.limits.stats()).toEqual({ sockets: 1, timers: 0 })
  })

  it('drops unknown events, closes a socket that floods them, and keeps serving a well-behaved one', async () => {
    relay = await startTestRelay()
    const good = relay.client()
    const bad = relay.client()
    bad.io.reconnection(false)
    await Promise.all([nextEvent(good, 'floor:snapshot'), nextEvent(bad, 'floor:snapshot')])
    // Names no client may send, heard on the relay as if some code listened for them.
    const unknown = ['admin:shutdown', 'constructor', '__proto__', 'floor:snapshot']
    const dispatched: string[] = []
    for (const s of relay.app.io.of('/').sockets.values()) {
      const listen = s.on.bind(s) as (event: string, listener: () => void) => void
      for (const event of [...unknown, 'floor:resync']) listen(event, () => dispatched.push(event))
    }
    const untyped = bad as unknown as { emit: (event: string, ...args: unknown[]) => void }

    // A few unknown events are dropped; the socket stays, and its known events still work.
    for (const event of unknown) untyped.emit(event, { anything: 1 })
    const answer = await new Promise<FloorSnapshot>((resolve) => bad.emit('floor:resync', resolve))
    expect(answer.namespace).toBe('test.cc')
    expect(bad.connected).toBe(true)
    expect(dispatched).toEqual(['floor:resync'])

    // A flood of them closes it.
    const cut = closeReason(bad)
    for (let round = 0; round < 100 && bad.connected; round++) {
      for (let i = 0; i < 100; i++) untyped.emit('admin:shutdown', i)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await cut).toBe('io server disconnect')
    expect(dispatched.filter((e) => e !== 'floor:resync')).toEqual([])

    expect(good.connected).toBe(true)
    const change = nextEvent(good, 'floor:changed')
    await relay.post(agentEvent({ id: '5009@test.cc', serial: 9 }))
    expect(changedAgents(await change).map((a) => a.id)).toEqual(['5009@test.cc'])
  })

  it('closes the link of a socket that sends a message over the size limit, and serves the others', async () => {
    relay = await startTestRelay()
    const good = relay.client()
    const big = relay.client()
    big.io.reconnection(false)
    await Promise.all([nextEvent(good, 'floor:snapshot'), nextEvent(big, 'floor:snapshot')])
    const snapshots = vi.spyOn(relay.app.gateway, 'snapshot')
    const gone = closeReason(big)
    const padding = 'x'.repeat(MAX_CLIENT_MESSAGE_BYTES)
    ;(big as unknown as { emit: (e: string, ...a: unknown[]) => void }).emit(
      'floor:resync',
      padding,
      () => undefined,
    )
    // The relay refuses the message unread: the whole link goes, not just the event.
    expect(await gone).toBe('transport close')
    expect(snapshots).not.toHaveBeenCalled()

    expect(good.connected).toBe(true)
    const answer = await new Promise<FloorSnapshot>((resolve) => good.emit('floor:resync', resolve))
    expect(answer.namespace).toBe('test.cc')
  })

  it('gives a connection that asks for the floor 200 times at once one socket and one snapshot', async () => {
    relay = await startTestRelay()
    const snapshots = vi.spyOn(relay.app.gateway, 'snapshot')
    const url = `${relay.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`
    const ws = new WebSocket(url, { headers: { cookie: relay.lead.cookie } })
    let accepted = 0
    let refused = 0
    ws.on('message', (data: Buffer) => {
      const text = data.toString()
      // engine.io open → 200 socket.io CONNECTs for the default namespace, in one go.
      if (text.startsWith('0{')) for (let i = 0; i < 200; i++) ws.send('40')
      else if (text.startsWith('40')) accepted += 1
      else if (text.startsWith('44')) refused += 1
    })
    // Every CONNECT is answered, or the relay closes a connection that repeats one too late.
    await waitFor(() =>
      accepted + refused === 200 || ws.readyState === WebSocket.CLOSED ? true : null,
    )
    expect(accepted).toBe(1)
    expect(snapshots).toHaveBeenCalledTimes(1)
    ws.terminate()
  })
})

/** Resolves with why the client's socket closed; rejects if it is still open after `ms`. */
function closeReason(client: FloorClient, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms)
    client.once('disconnect', (reason) => {
      clearTimeout(timer)
      resolve(reason)
    })
  })
}

/** Timers keeping this process alive (the relay's and the test's; they share the process). */
function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
}

/** `global.gc`, exposed at run time when Node was not started with --expose-gc. */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc
  if (existing) return existing
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  return () => {
    gc()
    gc()
  }
}

async function waitFor<T>(probe: () => T | null | undefined, ms = 5_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = probe()
    if (v !== null && v !== undefined) return v
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
