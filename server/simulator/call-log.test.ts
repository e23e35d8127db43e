import { describe, expect, it } from 'vitest'
import { CallLog } from './call-log'
import type { CallRecord } from './call-model'

const MINUTE = 60_000

function record(id: number, startTime: number, ani = '13900000000'): CallRecord {
  return {
    callId: `call-${id}`,
    callType: 'Inbound',
    namespace: 'test.cc',
    ani,
    dnis: '33255500',
    customerPhone: ani,
    customerAreaCode: '310000',
    customerCityCode: '021',
    displayNumber: null,
    trunkName: 'SCM_021',
    agentId: '5001@test.cc',
    agentName: '王伟',
    deviceId: '8001@test.cc',
    orgTreePos: '1.1',
    skillId: '7001@test.cc',
    startTime,
    answerTime: startTime + 5_000,
    endTime: startTime + MINUTE,
    queueLength: 5,
    talkLength: 55,
    customerRingLength: 3,
    deviceRingLength: 3,
    endReason: 'CustomerHangup',
    resultCode: 0,
    hangupDevice: ani,
    hangupCause: 'NORMAL_CLEARING',
    conferenced: false,
    transferred: false,
    listeners: [],
    segments: [],
    userData: {},
  }
}

describe('CallLog', () => {
  it('finds calls by id and by start time, oldest first, filtered by ani', () => {
    const log = new CallLog()
    log.add(record(1, 0))
    log.add(record(2, 10 * MINUTE, '13811112222'))
    log.add(record(3, 20 * MINUTE))
    expect(log.get('call-2')?.ani).toBe('13811112222')
    expect(log.query({ from: 5 * MINUTE, to: 20 * MINUTE }).map((r) => r.callId)).toEqual([
      'call-2',
      'call-3',
    ])
    expect(
      log.query({ from: 0, to: 30 * MINUTE, ani: '13900000000' }).map((r) => r.callId),
    ).toEqual(['call-1', 'call-3'])
    expect(log.latest(2).map((r) => r.callId)).toEqual(['call-2', 'call-3'])
  })

  it('forgets the oldest calls past the count bound', () => {
    const log = new CallLog(Infinity, 1_000)
    for (let i = 0; i < 5_000; i++) log.add(record(i, i * MINUTE))
    expect(log.size).toBe(1_000)
    expect(log.get('call-3999')).toBeUndefined()
    expect(log.get('call-4000')).toBeDefined()
    expect(log.query({ from: 0, to: Infinity })[0]?.callId).toBe('call-4000')
  })

  it('forgets calls older than the age bound, in simulated time', () => {
    const log = new CallLog(60 * MINUTE, 100_000)
    for (let i = 0; i < 200; i++) log.add(record(i, i * MINUTE))
    // The newest ended at 200 min; anything that ended before 140 min is gone.
    expect(log.size).toBe(61)
    expect(log.get('call-138')).toBeUndefined()
    expect(log.get('call-139')).toBeDefined()
  })
})
