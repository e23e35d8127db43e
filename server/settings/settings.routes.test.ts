import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_FAMILY_THRESHOLDS, type FloorSettings } from '@/shared/settings'
import {
  callEndEvent,
  nextEvent,
  type Session,
  startTestRelay,
  type TestRelay,
} from '../testing/test-relay'

let relay: TestRelay
let admin: Session
beforeEach(async () => {
  relay = await startTestRelay({ env: { SL_THRESHOLD_SEC: '20' } })
  await relay.createUser({ username: 'root', role: 'admin' })
  admin = await relay.signIn('root')
})
afterEach(async () => {
  await relay.close()
})

const today = (offsetSec: number) => new Date(Date.now() + offsetSec * 1000).toISOString()

describe('thresholds and queue targets', () => {
  it('start from the defaults and the relay settings', async () => {
    const s = (await (await relay.lead.fetch('/api/settings')).json()) as FloorSettings
    expect(s.families).toEqual(DEFAULT_FAMILY_THRESHOLDS)
    expect(s.families.notReady).toEqual({ amberSec: 600, redSec: 1200 })
    expect(s.defaultQueue).toEqual({ slThresholdSec: 20, slTargetPct: 80, shortAbandonSec: 0 })
  })

  it('are changed by an admin only, validated, pushed to screens, and recount today', async () => {
    await relay.post(
      callEndEvent({
        callId: 'q1',
        skillId: '7001@test.cc',
        queueLength: 30,
        startTime: today(-200),
        answerTime: today(-100),
        endTime: today(0),
      }),
    )
    const client = relay.client()
    const snap = await nextEvent(client, 'floor:snapshot')
    expect(snap.figures.total.serviceLevel).toBe(0) // 30 s in queue, over the 20 s threshold
    const current = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
    const next: FloorSettings = {
      ...current,
      queues: { '7001@test.cc': { slThresholdSec: 45, slTargetPct: 90, shortAbandonSec: 5 } },
    }

    expect((await relay.lead.fetch('/api/settings', { method: 'PUT', json: next })).status).toBe(
      403,
    )
    const bad = await admin.fetch('/api/settings', {
      method: 'PUT',
      json: { ...next, families: { ...next.families, acw: { amberSec: 120, redSec: 60 } } },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toBe(
      'families.acw.redSec: must be later than amberSec',
    )

    const pushed = nextEvent(client, 'settings:changed')
    const recounted = nextEvent(client, 'floor:changed', (c) => c.figures !== undefined)
    expect((await admin.fetch('/api/settings', { method: 'PUT', json: next })).status).toBe(200)
    expect((await pushed).queues['7001@test.cc']?.slTargetPct).toBe(90)
    const figures = (await recounted).figures!
    expect(figures.bySkill[0]).toMatchObject({
      skillId: '7001@test.cc',
      serviceLevel: 1,
      slThresholdSec: 45,
      slTargetPct: 90,
    })

    // Kept across a restart, and today's calls counted by them again.
    const dataDir = relay.dataDir
    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir })
    const again = (await (await relay.lead.fetch('/api/settings')).json()) as FloorSettings
    expect(again.queues['7001@test.cc']?.slThresholdSec).toBe(45)
    const restored = await nextEvent(relay.client(), 'floor:snapshot')
    expect(restored.figures.bySkill[0]).toMatchObject({
      skillId: '7001@test.cc',
      serviceLevel: 1,
      slThresholdSec: 45,
    })
  })

  it('hold the long-silence length of recordings: 5 s at first, 1 to 60 whole seconds', async () => {
    const current = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
    expect(current.recordings).toEqual({ longSilenceSec: 5 })
    const put = (longSilenceSec: unknown) =>
      admin.fetch('/api/settings', {
        method: 'PUT',
        json: { ...current, recordings: { longSilenceSec } },
      })
    for (const refused of [0, 61, 2.5, 'five']) {
      const res = await put(refused)
      expect(res.status, `longSilenceSec ${String(refused)}`).toBe(400)
      expect(((await res.json()) as { message: string }).message).toMatch(
        /^recordings\.longSilenceSec: /,
      )
    }
    expect((await put(60)).status).toBe(200)
    const saved = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
    expect(saved.recordings.longSilenceSec).toBe(60)
    // A script that saves the thresholds as they were before this setting existed keeps the default.
    const { recordings: _, ...older } = current
    const res = await admin.fetch('/api/settings', { method: 'PUT', json: older })
    expect(res.status).toBe(200)
    expect(((await res.json()) as FloorSettings).recordings.longSilenceSec).toBe(5)
  })
})
