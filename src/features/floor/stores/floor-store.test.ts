import { beforeEach, describe, expect, it } from 'vitest'
import { STALE_AFTER_MS } from '@/shared/events'
import { T0, agent, change, snapshot } from '@/testing/fixtures'
import { resetFloorStore, useFloorStore } from './floor-store'

const store = () => useFloorStore.getState()

beforeEach(() => resetFloorStore(T0))

describe('floor store', () => {
  it('goes live on connect and stale when the relay falls silent', () => {
    store().linkUp(false, T0)
    store().receiveSnapshot(snapshot([agent(1)]), T0)
    expect(store().status).toBe('live')
    store().refreshStatus(T0 + STALE_AFTER_MS)
    expect(store().status).toBe('live')
    store().refreshStatus(T0 + STALE_AFTER_MS + 1)
    expect(store().status).toBe('stale')
    store().receiveHeartbeat({ serverTime: T0, seq: 10, lastEventAt: T0 }, T0 + STALE_AFTER_MS + 2)
    expect(store().status).toBe('live')
  })

  it('keeps the floor through a drop but expects a snapshot after an unrecovered reconnect', () => {
    store().linkUp(false, T0)
    store().receiveSnapshot(snapshot([agent(1)], { seq: 10 }), T0)
    store().linkDown(T0 + 1)
    expect(store().ids).toHaveLength(1)
    store().linkUp(true, T0 + 2)
    expect(store().receiveChange(change(11, []), T0 + 3)).toBe('applied')
    store().linkDown(T0 + 4)
    store().linkUp(false, T0 + 5)
    expect(store().receiveChange(change(12, []), T0 + 6)).toBe('gap')
  })

  it('reports a heartbeat that is ahead, and takes the platform’s last event time from it', () => {
    store().receiveSnapshot(snapshot([agent(1)], { seq: 10, lastEventAt: T0 }), T0)
    expect(store().receiveHeartbeat({ serverTime: T0, seq: 10, lastEventAt: T0 + 500 }, T0)).toBe(
      false,
    )
    expect(store().lastEventAt).toBe(T0 + 500)
    expect(store().receiveHeartbeat({ serverTime: T0, seq: 12, lastEventAt: null }, T0)).toBe(true)
  })

  it('drops the tiles of agents that left this screen’s scope', () => {
    store().receiveSnapshot(snapshot([agent(1), agent(2)], { seq: 10 }), T0)
    expect(store().receiveChange(change(11, [], { removed: ['5001@test.cc'] }), T0 + 1)).toBe(
      'applied',
    )
    expect(store().ids).toEqual(['5002@test.cc'])
    expect(store().agents['5001@test.cc']).toBeUndefined()
  })
})
