import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordingInfo } from '@/shared/cdr'
import { type RecordingAnalysis, recordingAnalysisSchema } from '@/shared/recording-analysis'
import type { FloorSettings } from '@/shared/settings'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import type { Session, TestRelay } from '../testing/test-relay'

// The analysis route through a real relay reading the simulator's recordings over HTTP: every
// simulated call of 40 s or more has a long hold and an interruption somewhere in it.
let sim: SimulatorProcess
let relay: TestRelay
let lead: Session
let recording: RecordingInfo

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator([
    ...['--agents', '4', '--speed', '1', '--seed', '7', '--namespace', 'test.cc'],
  ]))
  lead = relay.lead
  const res = await fetch(`${sim.url}/sim/fixtures/calls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ talkSec: 120 }),
  })
  const { callId } = (await res.json()) as { callId: string }
  // The platform lists the recording a moment after the call ends.
  for (let i = 0; i < 50 && !recording; i++) {
    const list = await lead.fetch(`/api/calls/${callId}/recordings`)
    if (list.ok) recording = ((await list.json()) as RecordingInfo[])[0]!
    else await new Promise((r) => setTimeout(r, 200))
  }
}, 60_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

async function analysis(s: Session, id: string) {
  const res = await s.fetch(`/api/recordings/${encodeURIComponent(id)}/analysis`)
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('GET /api/recordings/{id}/analysis', () => {
  let first: RecordingAnalysis

  it('answers the long silences, the cross-talk and the talk ratio of a two-track recording', async () => {
    const { status, body } = await analysis(lead, recording.id)
    expect(status).toBe(200)
    first = recordingAnalysisSchema.parse(body)
    expect(first).toMatchObject({ channels: 2, source: 'wav', silenceSec: 5 })
    expect(first.duration).toBeCloseTo(120, 0)
    expect(first.silences.length).toBeGreaterThanOrEqual(1)
    for (const s of first.silences) expect(s.end - s.start).toBeGreaterThan(5)
    expect(first.crossTalk!.length).toBeGreaterThanOrEqual(1)
    for (const s of first.crossTalk!) expect(s.end - s.start).toBeGreaterThan(1)
    expect(first.totals.crossTalkCount).toBe(first.crossTalk!.length)
    expect(first.talk!.agentSec).toBeGreaterThan(10)
    expect(first.talk!.customerSec).toBeGreaterThan(10)
    expect(first.talk!.agentShare).toBeGreaterThan(0.2)
    expect(first.talk!.agentShare).toBeLessThan(0.8)
  })

  it('follows the admin’s silence setting without reading the audio again', async () => {
    const keptBefore = keptFiles()
    await relay.createUser({ username: 'boss', role: 'admin' })
    const admin = await relay.signIn('boss')
    const settings = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
    const put = (longSilenceSec: number) =>
      admin.fetch('/api/settings', {
        method: 'PUT',
        json: { ...settings, recordings: { longSilenceSec } },
      })
    expect((await put(1)).status).toBe(200)
    const shorter = recordingAnalysisSchema.parse((await analysis(lead, recording.id)).body)
    expect(shorter.silenceSec).toBe(1)
    expect(shorter.silences.length).toBeGreaterThan(first.silences.length)
    expect(shorter.totals.silenceSec).toBeGreaterThan(first.totals.silenceSec)
    expect((await put(60)).status).toBe(200)
    const longer = recordingAnalysisSchema.parse((await analysis(lead, recording.id)).body)
    expect(longer.silences).toEqual([])
    expect(longer.totals).toMatchObject({ silenceSec: 0, longestSilenceSec: 0 })
    // The same files as before: answered from what was kept, not computed again.
    expect(keptFiles()).toEqual(keptBefore)
    expect((await put(5)).status).toBe(200)
  })

  it('refuses an unknown recording with a clear 404, a bad id with a 400, a viewer with a 403', async () => {
    const unknown = await analysis(lead, 'guessed-id')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ message: expect.stringContaining('guessed-id') as string })
    const bad = await analysis(lead, 'a b')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ message: expect.stringContaining('U+0020') as string })
    await relay.createUser({ username: 'watcher', role: 'viewer' })
    expect((await analysis(await relay.signIn('watcher'), recording.id)).status).toBe(403)
    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    expect((await analysis(await relay.signIn('lead-b'), recording.id)).status).toBe(404)
  })
})

/** The relay's kept peaks and analyses, by name and inode (a new computation replaces a file). */
function keptFiles(): Record<string, number> {
  const dir = path.join(relay.dataDir, 'peaks')
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, fs.statSync(path.join(dir, name)).ino]),
  )
}
