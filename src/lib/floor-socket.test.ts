import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { floorStoreSink, resetFloorStore, useFloorStore } from '@/features/floor/stores/floor-store'
import { defaultSettings } from '@/shared/settings'
import { FakeSocket } from '@/testing/fake-socket'
import { T0, agent, change, inState, snapshot } from '@/testing/fixtures'
import { FloorSocket } from './floor-socket'

let fake: FakeSocket
let link: FloorSocket

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
  resetFloorStore(T0)
  fake = new FakeSocket()
  link = new FloorSocket({ sink: floorStoreSink, createSocket: () => fake.asSocket() })
  link.connect()
})

afterEach(() => {
  link.disconnect()
  vi.useRealTimers()
})

const state = () => useFloorStore.getState()

describe('FloorSocket', () => {
  it('draws the floor from the snapshot and applies batches in order', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 4 }))
    fake.serverEmit('floor:changed', change(5, [inState(agent(1), 'Aux', T0)]))
    expect(state().seq).toBe(5)
    expect(state().agents['5001@test.cc']?.acState).toBe('Aux')
    expect(state().status).toBe('live')
    expect(fake.sent).toHaveLength(0)
  })

  it('resyncs on a gap in seq and replaces everything with the answer', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 4 }))
    fake.serverEmit('floor:changed', change(7, [inState(agent(1), 'Aux', T0)]))
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
    // Batches that arrive meanwhile wait for the snapshot; the ones it already holds are dropped.
    fake.serverEmit('floor:changed', change(8, [inState(agent(2), 'Acw', T0)]))
    fake.serverEmit('floor:changed', change(9, [inState(agent(3), 'Acw', T0)]))
    fake.sent[0]?.ack(null, snapshot([agent(2), agent(3)], { seq: 8 }))
    expect(state().ids).toEqual(['5002@test.cc', '5003@test.cc'])
    expect(state().agents['5002@test.cc']?.acState).toBe('Available') // 8 was in the snapshot
    expect(state().agents['5003@test.cc']?.acState).toBe('Acw') // 9 applied after it
    expect(state().seq).toBe(9)
    expect(fake.sent).toHaveLength(1)
  })

  it('resyncs on a batch before any snapshot', () => {
    fake.open()
    fake.serverEmit('floor:changed', change(1, [agent(1)]))
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
  })

  it('resyncs when a heartbeat shows the server ahead', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    fake.serverEmit('floor:heartbeat', { serverTime: T0, seq: 4, lastEventAt: T0 })
    expect(fake.sent).toHaveLength(0)
    fake.serverEmit('floor:heartbeat', { serverTime: T0, seq: 6, lastEventAt: T0 })
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
  })

  it('retries a resync that timed out', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    fake.serverEmit('floor:changed', change(9, []))
    fake.sent[0]?.ack(new Error('operation has timed out'))
    vi.advanceTimersByTime(5_000)
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync', 'floor:resync'])
  })

  it('after an unrecovered reconnect, takes the new snapshot even with a lower seq', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 40 }))
    fake.drop()
    expect(state().status).toBe('reconnecting')
    fake.open(false) // the relay restarted: its seq starts over
    fake.serverEmit('floor:snapshot', snapshot([agent(2)], { seq: 1 }))
    fake.serverEmit('floor:changed', change(2, [inState(agent(2), 'Aux', T0)]))
    expect(state().ids).toEqual(['5002@test.cc'])
    expect(state().agents['5002@test.cc']?.acState).toBe('Aux')
    expect(fake.sent).toHaveLength(0)
  })

  it('after a recovered reconnect, applies the replayed batches', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    fake.drop()
    fake.open(true)
    fake.serverEmit('floor:changed', change(5, [inState(agent(1), 'Acw', T0)]))
    expect(state().agents['5001@test.cc']?.acState).toBe('Acw')
    expect(fake.sent).toHaveLength(0)
  })

  it('asks for the snapshot itself when a fresh connection gets none', () => {
    fake.open()
    vi.advanceTimersByTime(5_000)
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
  })

  it('goes stale when the relay falls silent, and live again when it speaks', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    vi.advanceTimersByTime(16_000)
    expect(state().status).toBe('stale')
    fake.serverEmit('floor:heartbeat', { serverTime: Date.now(), seq: 4, lastEventAt: T0 })
    expect(state().status).toBe('live')
  })

  it('reconnects after the server closed the socket on purpose', () => {
    fake.open()
    const before = fake.connectCalls
    fake.drop('io server disconnect')
    vi.advanceTimersByTime(2_500)
    expect(fake.connectCalls).toBe(before + 1)
  })

  it('keeps the clock offset from the server time', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { serverTime: T0 + 90_000 }))
    expect(state().offset).toBe(90_000)
  })

  it('rejects a malformed batch and resyncs instead of drawing it', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    fake.serverEmit('floor:changed', { seq: 5, agents: [{ id: 42 }] })
    expect(logged).toHaveBeenCalledOnce()
    expect(state().seq).toBe(4)
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
  })

  it('drops the agents a batch names as removed', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 4 }))
    fake.serverEmit('floor:changed', change(5, [], { removed: ['5001@test.cc'] }))
    expect(state().ids).toEqual(['5002@test.cc'])
    expect(fake.sent).toHaveLength(0)
  })
})

describe('FloorSocket and a catch-up', () => {
  // A catch-up: the relay held back batches 5…9 while the connection was busy, and sends them
  // as one, each agent whole in its latest view.
  const catchUp = () =>
    change(5, [inState(agent(1), 'Aux', T0), agent(3)], { upTo: 9, removed: ['5002@test.cc'] })

  it('applies it and then the batches after it, without a resync', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 4 }))
    fake.serverEmit('floor:changed', catchUp())
    expect(state().ids).toEqual(['5001@test.cc', '5003@test.cc'])
    expect(state().agents['5001@test.cc']?.acState).toBe('Aux')
    fake.serverEmit('floor:changed', change(10, [inState(agent(3), 'Acw', T0)]))
    fake.serverEmit('floor:heartbeat', { serverTime: T0, seq: 10, lastEventAt: T0 })
    expect(state().agents['5003@test.cc']?.acState).toBe('Acw')
    // A second catch-up later on follows the first.
    fake.serverEmit('floor:changed', change(11, [inState(agent(1), 'Acw', T0)], { upTo: 20 }))
    fake.serverEmit('floor:changed', change(21, [inState(agent(1), 'Available', T0)]))
    expect(state().agents['5001@test.cc']?.acState).toBe('Available')
    expect(fake.sent).toHaveLength(0)
  })

  it('resyncs on a catch-up that does not follow what it holds', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1), agent(2)], { seq: 2 }))
    fake.serverEmit('floor:changed', catchUp())
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
    expect(state().agents['5001@test.cc']?.acState).toBe('Available')
  })

  it('after a resync, follows the numbering of the snapshot again', () => {
    fake.open()
    fake.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 4 }))
    fake.serverEmit('floor:changed', catchUp())
    fake.serverEmit('floor:changed', change(12, [])) // 10 and 11 went missing
    expect(fake.sent.map((s) => s.event)).toEqual(['floor:resync'])
    // Meanwhile: a batch the snapshot holds, then one after it.
    fake.serverEmit('floor:changed', change(13, [inState(agent(1), 'Hold', T0)]))
    fake.serverEmit('floor:changed', change(14, [inState(agent(1), 'Acw', T0)]))
    fake.sent[0]?.ack(null, snapshot([inState(agent(1), 'Hold', T0)], { seq: 13 }))
    expect(state().agents['5001@test.cc']?.acState).toBe('Acw')
    fake.serverEmit('floor:changed', change(15, [inState(agent(1), 'Aux', T0)]))
    fake.serverEmit('floor:heartbeat', { serverTime: T0, seq: 15, lastEventAt: T0 })
    expect(state().agents['5001@test.cc']?.acState).toBe('Aux')
    expect(fake.sent).toHaveLength(1)
  })
})

describe('FloorSocket and the session', () => {
  it('reconnects at once when the relay says the role or scope changed', () => {
    const heard = vi.fn()
    link.onSessionEnded(heard)
    fake.open()
    const before = fake.connectCalls
    fake.serverEmit('session:ended', { reason: 'changed', message: 'your role or scope changed' })
    fake.drop('io server disconnect')
    expect(fake.connectCalls).toBe(before + 1)
    expect(heard).toHaveBeenCalledWith({ reason: 'changed', message: 'your role or scope changed' })
  })

  it('stops for good when the session ended, and says why', () => {
    const heard = vi.fn()
    link.onSessionEnded(heard)
    fake.open()
    const before = fake.connectCalls
    fake.serverEmit('session:ended', { reason: 'expired', message: 'your session has expired' })
    fake.drop('io server disconnect')
    vi.advanceTimersByTime(60_000)
    expect(fake.connectCalls).toBe(before)
    expect(fake.active).toBe(false)
    expect(heard).toHaveBeenCalledExactlyOnceWith({
      reason: 'expired',
      message: 'your session has expired',
    })
  })

  it('does not retry a handshake refused for want of a session', () => {
    const heard = vi.fn()
    link.onSessionEnded(heard)
    const before = fake.connectCalls
    fake.active = false
    fake.fire(
      'connect_error',
      Object.assign(new Error('sign in first'), { data: { reason: 'no_session' } }),
    )
    vi.advanceTimersByTime(60_000)
    expect(fake.connectCalls).toBe(before)
    expect(heard).toHaveBeenCalledExactlyOnceWith({
      reason: 'no_session',
      message: 'sign in first',
    })
  })

  it('keeps retrying a handshake refused for any other reason', () => {
    const heard = vi.fn()
    link.onSessionEnded(heard)
    const before = fake.connectCalls
    fake.active = false
    fake.fire('connect_error', new Error('xhr poll error'))
    vi.advanceTimersByTime(2_500)
    expect(fake.connectCalls).toBe(before + 1)
    expect(heard).not.toHaveBeenCalled()
  })

  it('hands on new thresholds it can read, and drops ones it cannot', () => {
    const heard = vi.fn()
    const stop = link.onSettingsChanged(heard)
    const settings = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })
    vi.spyOn(console, 'error').mockImplementation(() => {})
    fake.open()
    fake.serverEmit('settings:changed', settings)
    fake.serverEmit('settings:changed', { families: 'all red' })
    expect(heard).toHaveBeenCalledExactlyOnceWith(settings)
    stop()
    fake.serverEmit('settings:changed', settings)
    expect(heard).toHaveBeenCalledTimes(1)
  })
})

describe('FloorSocket whose client code arrives later', () => {
  /** A socket that can be made once the test lets its code "arrive" (or fail to). */
  function later() {
    const socket = new FakeSocket()
    let settle: { resolve: () => void; reject: (error: Error) => void } | null = null
    const createSocket = vi.fn(
      () =>
        new Promise<ReturnType<FakeSocket['asSocket']>>((resolve, reject) => {
          settle = { resolve: () => resolve(socket.asSocket()), reject }
        }),
    )
    return {
      socket,
      createSocket,
      arrive: async () => {
        settle?.resolve()
        await Promise.resolve()
        await Promise.resolve()
      },
      fail: async () => {
        settle?.reject(new Error('chunk failed'))
        await Promise.resolve()
        await Promise.resolve()
      },
    }
  }

  it('connects once the code is here, and draws the floor from the snapshot', async () => {
    const code = later()
    const late = new FloorSocket({ sink: floorStoreSink, createSocket: code.createSocket })
    late.connect()
    late.connect() // asked twice before the code came: one socket
    await code.arrive()
    expect(code.createSocket).toHaveBeenCalledTimes(1)
    expect(code.socket.connectCalls).toBe(1)
    code.socket.open()
    code.socket.serverEmit('floor:snapshot', snapshot([agent(1)], { seq: 1 }))
    expect(state().ids).toEqual(['5001@test.cc'])
    late.disconnect()
  })

  it('does not connect when the page let go of the link before the code came', async () => {
    const code = later()
    const late = new FloorSocket({ sink: floorStoreSink, createSocket: code.createSocket })
    late.connect()
    late.disconnect()
    await code.arrive()
    expect(code.socket.connectCalls).toBe(0)
  })

  it('tries again later when the code could not be fetched', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const code = later()
    const late = new FloorSocket({ sink: floorStoreSink, createSocket: code.createSocket })
    late.connect()
    await code.fail()
    expect(code.createSocket).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(2_500)
    expect(code.createSocket).toHaveBeenCalledTimes(2)
    await code.arrive()
    expect(code.socket.connectCalls).toBe(1)
    late.disconnect()
  })
})
