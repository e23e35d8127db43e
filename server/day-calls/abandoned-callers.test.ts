import { describe, expect, it } from 'vitest'
import type { CallSummary } from '@/shared/floor'
import { T0, agent, call, inState } from '@/testing/fixtures'
import { audienceOf } from '../realtime/audience'
import { AbandonedCallers, CALLING_BACK_MAX_MS, sameNumber } from './abandoned-callers'

const MIN = 60_000
const SKILL = '7001@test.cc'

/** A call that gave up in the queue of SKILL, ending `at` (nobody answered it). */
function abandon(n: number, phone: string, at: number, o: Partial<CallSummary> = {}) {
  return call(n, {
    customerPhone: phone,
    ani: phone,
    agentId: null,
    deviceId: null,
    answerTime: null,
    startTime: at - 30_000,
    endTime: at,
    queueSec: 30,
    talkSec: 0,
    endReason: 'QueueAbandon',
    orgTreePos: null,
    ...o,
  })
}

/** A call with this customer answered at `at`. */
function answered(n: number, phone: string, at: number, o: Partial<CallSummary> = {}) {
  return call(n, {
    customerPhone: phone,
    ani: phone,
    startTime: at - 10_000,
    answerTime: at,
    endTime: at + MIN,
    ...o,
  })
}

describe('abandoned callers', () => {
  it('lists the latest abandoned first even when the callEnds came out of order', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0 + 2 * MIN))
    list.add(abandon(2, '13900002222', T0 + MIN))
    list.add(abandon(3, '13900003333', T0))
    list.add(abandon(4, '13900004444', T0 + 3 * MIN))
    expect(list.read('test.cc').waiting.map((r) => r.phone)).toEqual([
      '13900004444',
      '13900001111',
      '13900002222',
      '13900003333',
    ])
  })

  it('keeps one row per number, counting its tries, the latest abandoned first', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(abandon(2, '13900002222', T0 + MIN))
    let now = list.read('test.cc')
    expect(now.waiting.map((r) => [r.phone, r.attempts])).toEqual([
      ['13900002222', 1],
      ['13900001111', 1],
    ])
    expect(now.waiting[1]).toMatchObject({
      firstAt: T0,
      lastAt: T0,
      skillId: SKILL,
      lastCallId: 'call-1',
      callingBack: null,
    })

    list.add(abandon(3, '13900001111', T0 + 2 * MIN))
    now = list.read('test.cc')
    expect(now.waiting.map((r) => [r.phone, r.attempts])).toEqual([
      ['13900001111', 2],
      ['13900002222', 1],
    ])
    expect(now.waiting[0]).toMatchObject({
      firstAt: T0,
      lastAt: T0 + 2 * MIN,
      lastCallId: 'call-3',
    })
    expect(now).toMatchObject({
      waitingCount: 2,
      abandonedToday: 2,
      reachedAgain: 0,
      medianReachSec: null,
    })
  })

  it('counts an inbound call that queued and was never answered, but not one that never queued', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0, { endReason: 'CustomerHangup' }))
    list.add(abandon(2, '13900002222', T0, { endReason: null, queueSec: 0 }))
    list.add(abandon(3, '13900003333', T0, { endReason: null, callType: 'Manual', queueSec: 4 }))
    expect(list.read('test.cc').waiting.map((r) => r.phone)).toEqual(['13900001111'])
  })

  it('clears a row when a later call with the number is answered, and times the reach', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(abandon(2, '13900001111', T0 + MIN))
    list.add(abandon(3, '13900002222', T0 + MIN))
    list.add(abandon(4, '13900003333', T0 + MIN))
    // An answered call of someone else reaches nobody.
    expect(list.add(answered(5, '13900009999', T0 + 2 * MIN))).toBe(false)
    // A call back (outbound) answered 8 minutes after the first abandoned call.
    expect(
      list.add(answered(6, '13900001111', T0 + 8 * MIN, { callType: 'Manual', agentId: null })),
    ).toBe(true)
    // Their next inbound call taken by an agent, 4 minutes after theirs.
    list.add(answered(7, '13900002222', T0 + 5 * MIN))
    const now = list.read('test.cc')
    expect(now.waiting.map((r) => r.phone)).toEqual(['13900003333'])
    expect(now).toMatchObject({
      waitingCount: 1,
      abandonedToday: 3,
      reachedAgain: 2,
      medianReachSec: 360, // 8 and 4 minutes
    })
  })

  it('does not count a call answered before the caller abandoned', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(answered(2, '13900001111', T0 - MIN))
    expect(list.read('test.cc').waitingCount).toBe(1)
  })

  it('finds the reach of a call whose end came before the abandoned one (a late callEnd)', () => {
    const list = new AbandonedCallers()
    list.add(answered(1, '13900001111', T0 + 3 * MIN))
    list.add(abandon(2, '13900001111', T0))
    expect(list.read('test.cc')).toMatchObject({
      waitingCount: 0,
      reachedAgain: 1,
      medianReachSec: 180,
    })
  })

  it('clears a row as soon as an agent talks to the number, before the call ends', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    const ringing = inState(agent(2), 'InboundRinging', T0 + MIN, {
      callId: 'c-9',
      customerNumber: '13900001111',
    })
    expect(list.agentChanged(ringing)).toBe(false)
    expect(list.agentChanged(inState(agent(3), 'ManualTalking', T0 + MIN))).toBe(false)
    const talking = inState(ringing, 'InboundTalking', T0 + 2 * MIN, {
      callId: 'c-9',
      customerNumber: '13900001111',
    })
    expect(list.agentChanged(talking)).toBe(true)
    expect(list.read('test.cc')).toMatchObject({
      waiting: [],
      reachedAgain: 1,
      medianReachSec: 120,
    })
    // The call's end, later, counts nothing twice.
    expect(list.add(answered(9, '13900001111', T0 + 2 * MIN))).toBe(false)
    expect(list.read('test.cc').reachedAgain).toBe(1)
  })

  it('takes a number with an outbound prefix or a + for the same caller, but not a short one', () => {
    expect(sameNumber('013900001111', '13900001111')).toBe(true)
    expect(sameNumber('8613900001111', '13900001111')).toBe(true)
    expect(sameNumber('1111', '13900001111')).toBe(false)
    expect(sameNumber('13900001111', '13900001112')).toBe(false)

    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(abandon(2, '+8613900001111', T0 + MIN))
    list.add(abandon(3, '5551111', T0 + MIN))
    let now = list.read('test.cc')
    expect(now.waiting.map((r) => [r.phone, r.attempts])).toEqual([
      ['5551111', 1],
      ['+8613900001111', 2],
    ])
    // The call back went out with the line's prefix 9.
    list.add(answered(4, '913900001111', T0 + 3 * MIN, { callType: 'Manual' }))
    // Another number ending in the same digits, too short to say it is the same caller.
    list.add(answered(5, '111', T0 + 3 * MIN))
    now = list.read('test.cc')
    expect(now.waiting.map((r) => r.phone)).toEqual(['5551111'])
  })

  it('marks a call back under way until its call ends, or for 10 minutes at most', () => {
    const list = new AbandonedCallers()
    const changes: string[] = []
    list.onChange((ns) => changes.push(ns))
    list.add(abandon(1, '13900001111', T0))
    list.add(abandon(2, '13900002222', T0))
    expect(list.callingBack('test.cc', '13900003333', 'cb-0', 'lead', T0)).toBe(false)
    expect(list.callingBack('other.cc', '13900001111', 'cb-0', 'lead', T0)).toBe(false)

    expect(list.callingBack('test.cc', '13900001111', 'cb-1', 'lead', T0 + MIN)).toBe(true)
    const row = () => list.read('test.cc').waiting.find((r) => r.phone === '13900001111')!
    expect(row().callingBack).toEqual({ by: 'lead', since: T0 + MIN, callId: 'cb-1' })
    // The call back ended unanswered: the caller still waits, no longer being called.
    list.add(
      call(3, {
        callId: 'cb-1',
        callType: 'Manual',
        customerPhone: '13900001111',
        answerTime: null,
        endTime: T0 + 2 * MIN,
      }),
    )
    expect(row()).toMatchObject({ attempts: 1, callingBack: null })

    list.callingBack('test.cc', '13900001111', 'cb-2', 'lead', T0 + 3 * MIN)
    expect(list.expire(T0 + 3 * MIN + CALLING_BACK_MAX_MS - 1)).toEqual([])
    expect(row().callingBack?.callId).toBe('cb-2')
    expect(list.expire(T0 + 3 * MIN + CALLING_BACK_MAX_MS)).toEqual(['test.cc'])
    expect(row().callingBack).toBeNull()
    expect(changes.length).toBeGreaterThanOrEqual(5)
  })

  it('starts every day empty', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(answered(2, '13900001111', T0 + MIN))
    list.add(abandon(3, '13900002222', T0))
    expect(list.clear()).toEqual(['test.cc'])
    expect(list.read('test.cc')).toEqual({
      waiting: [],
      waitingCount: 0,
      abandonedToday: 0,
      reachedAgain: 0,
      medianReachSec: null,
    })
  })

  it('shows each screen the callers of its own queues only', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0, { skillId: SKILL }))
    list.add(abandon(2, '13900002222', T0, { skillId: '7002@test.cc' }))
    const lead7001 = audienceOf({ namespace: 'test.cc', orgPrefix: '1.1', skills: [SKILL] })
    const lead7002 = audienceOf({ namespace: 'test.cc', orgPrefix: null, skills: ['7002@test.cc'] })
    const deptOnly = audienceOf({ namespace: 'test.cc', orgPrefix: '1.1', skills: null })
    const all = audienceOf({ namespace: 'test.cc', orgPrefix: null, skills: null })
    expect(list.read('test.cc', lead7001.includesCall).waiting.map((r) => r.phone)).toEqual([
      '13900001111',
    ])
    expect(list.read('test.cc', lead7002.includesCall)).toMatchObject({
      waiting: [{ phone: '13900002222' }],
      abandonedToday: 1,
    })
    // A call nobody answered belongs to no department: a department-only scope sees none.
    expect(list.read('test.cc', deptOnly.includesCall).waitingCount).toBe(0)
    expect(list.read('test.cc', all.includesCall).waitingCount).toBe(2)
    expect(list.read('other.cc').waitingCount).toBe(0)
  })

  it('welcomes a caller back to the list who abandons again after being reached', () => {
    const list = new AbandonedCallers()
    list.add(abandon(1, '13900001111', T0))
    list.add(answered(2, '13900001111', T0 + MIN))
    list.add(abandon(3, '13900001111', T0 + 30 * MIN))
    expect(list.read('test.cc')).toMatchObject({
      waiting: [{ phone: '13900001111', attempts: 1, firstAt: T0 + 30 * MIN }],
      abandonedToday: 1,
      reachedAgain: 1,
      medianReachSec: 60,
    })
  })
})
