import { describe, expect, it } from 'vitest'
import { CallCenter } from './call-center'
import type { CallRecord } from './call-model'
import { ManualClock } from './clock'
import { LOAD_PROFILES, type LoadProfile } from './load-profile'
import { createRandom } from './random'

const START = Date.UTC(2024, 5, 3, 1, 0, 0)
const MINUTE = 60_000
const SL_THRESHOLD_SEC = 20 // the relay's defaults
const SHORT_ABANDON_SEC = 5
const SL_TARGET = 0.8

/** A 60-agent floor at the default base rate, played for `minutes` of simulated time. */
function play(load: LoadProfile, minutes: number, seed = 11): CallRecord[] {
  const clock = new ManualClock(START)
  const records: CallRecord[] = []
  const center = new CallCenter({
    clock,
    rng: createRandom(seed),
    agents: 60,
    skills: 4,
    namespace: 'test.cc',
    inboundPerMin: 60 * 0.22,
    outboundPerMin: 60 * 0.02,
    load,
    listener: { agentState: () => {}, callEnded: (r) => records.push(r) },
  })
  center.start()
  clock.advance(minutes * MINUTE)
  center.stop()
  return records
}

/** Service level and abandons of the inbound calls that arrived in [fromMin, toMin). */
function window(records: CallRecord[], fromMin: number, toMin: number) {
  const calls = records.filter(
    (r) =>
      r.callType === 'Inbound' &&
      r.startTime >= START + fromMin * MINUTE &&
      r.startTime < START + toMin * MINUTE,
  )
  const abandoned = calls.filter((r) => r.endReason === 'QueueAbandon')
  const short = abandoned.filter((r) => r.queueLength < SHORT_ABANDON_SEC).length
  const inThreshold = calls.filter(
    (r) => r.answerTime !== null && r.queueLength <= SL_THRESHOLD_SEC,
  ).length
  return {
    offered: calls.length,
    abandoned: abandoned.length,
    serviceLevel: inThreshold / Math.max(1, calls.length - short),
  }
}

/** Start and end of the day profile's step called `label`, simulated minutes from the start. */
function stepWindow(label: string): [number, number] {
  let at = 0
  for (const s of LOAD_PROFILES.day.steps) {
    if (s.label === label) return [at, at + s.minutes]
    at += s.minutes
  }
  throw new Error(`no step ${label}`)
}

describe('the load profile', () => {
  it('gives the day a peak with abandons under the target, and quiet spells above it', () => {
    const records = play(LOAD_PROFILES.day, 30)
    const [peakFrom, peakTo] = stepWindow('peak')
    // The queue builds through the peak: its second half is where callers give up.
    const peak = window(records, (peakFrom + peakTo) / 2, peakTo)
    expect(peak.abandoned).toBeGreaterThan(0)
    expect(peak.serviceLevel).toBeLessThan(SL_TARGET)
    const [lunchFrom, lunchTo] = stepWindow('lunch')
    const lunch = window(records, lunchFrom + 1, lunchTo)
    expect(lunch.serviceLevel).toBeGreaterThan(SL_TARGET)
    // Calls arrive several times faster at the peak than at lunch.
    const perMin = (w: { offered: number }, minutes: number) => w.offered / minutes
    expect(perMin(window(records, peakFrom, peakTo), peakTo - peakFrom)).toBeGreaterThan(
      2 * perMin(window(records, lunchFrom, lunchTo), lunchTo - lunchFrom),
    )
  })

  it('keeps the flat load at the service level the floor had before', () => {
    const flat = window(play(LOAD_PROFILES.flat, 30), 5, 30)
    expect(flat.serviceLevel).toBeGreaterThan(SL_TARGET)
  })

  it('plays the same day again from the same seed', () => {
    const a = play(LOAD_PROFILES.day, 12, 3).map((r) => [r.callId, r.endTime, r.endReason])
    const b = play(LOAD_PROFILES.day, 12, 3).map((r) => [r.callId, r.endTime, r.endReason])
    expect(a.length).toBeGreaterThan(50)
    expect(a).toEqual(b)
  })
})
