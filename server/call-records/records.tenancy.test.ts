import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallsPage, RecordingInfo } from '@/shared/cdr'
import { RecordingsRepo } from './recordings.repo'
import { FakePlatform, type Recorded, gatewayEnv } from '../testing/fake-platform'
import { type Session, startTestRelay, type TestRelay } from '../testing/test-relay'

// The platform answers a CDR, a call's recordings and their audio by id alone, whoever asks:
// the relay must serve a user of test.cc only what the platform says is test.cc's. A real
// relay on port 0 against a fake platform (a real HTTP server) that counts what it is asked.
let platform: FakePlatform
let relay: TestRelay
let lead: Session

const pathOf = (r: Recorded) => r.url.split('?')[0]!
const streams = () => platform.requests.filter((r) => pathOf(r).endsWith('/stream'))

/** CDR `domain` of each call the fake platform knows; undefined: the field is missing. */
const DOMAINS: Record<string, string | undefined> = {
  'call-ours': 'test.cc',
  'call-empty': '',
  'call-missing': undefined,
  'call-other': 'other.cc',
}

/** A tenth of a second of two-track 16-bit WAV at 8 kHz: enough for the player and peaks. */
function wav(): Buffer {
  const data = Buffer.alloc(800 * 4)
  for (let i = 0; i < 800; i++) data.writeInt16LE(Math.round(8000 * Math.sin(i / 5)), i * 4)
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + data.length, 4)
  h.write('WAVEfmt ', 8, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20) // PCM
  h.writeUInt16LE(2, 22) // two tracks
  h.writeUInt32LE(8000, 24)
  h.writeUInt32LE(8000 * 4, 28)
  h.writeUInt16LE(4, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(data.length, 40)
  return Buffer.concat([h, data])
}

let recordingsOf: (callId: string) => unknown[]

beforeEach(async () => {
  recordingsOf = (callId) => [{ id: `rec-${callId}`, callId, deviceId: '8001@test.cc' }]
  platform = await new FakePlatform().start()
  platform.on((r) => {
    const path = pathOf(r)
    if (path === '/accesstoken/apply') return { status: 200, body: { accessToken: 'tok-1' } }
    let m = /^\/api\/cdr\/2\.0\/calls\/open\/call\/([^/]+)$/.exec(path)
    if (m && m[1]! in DOMAINS) {
      const domain = DOMAINS[m[1]!]
      return {
        status: 200,
        body: { callId: m[1], ani: '8001', ...(domain === undefined ? {} : { domain }) },
      }
    }
    m = /^\/api\/cdr\/2\.0\/recordings\/open\/call\/([^/]+)$/.exec(path)
    if (m) return { status: 200, body: recordingsOf(m[1]!) }
    if (path.endsWith('/stream'))
      return { status: 200, raw: wav(), headers: { 'content-type': 'audio/wav' } }
    return undefined
  })
  relay = await startTestRelay({
    env: {
      ...gatewayEnv(platform.url),
    },
  })
  lead = relay.lead
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

describe('a call is served only to its own tenant', () => {
  it('serves a CDR of test.cc, its recordings, their audio and peaks', async () => {
    const detail = await lead.fetch('/api/calls/call-ours')
    expect(detail.status).toBe(200)
    expect(await detail.json()).toMatchObject({ callId: 'call-ours', domain: 'test.cc' })
    const recs = (await (await lead.fetch('/api/calls/call-ours/recordings')).json()) as unknown[]
    expect(recs).toEqual([{ id: 'rec-call-ours', callId: 'call-ours', deviceId: '8001@test.cc' }])
    const audio = await lead.fetch('/api/calls/call-ours/audio')
    expect(audio.status).toBe(200)
    expect(Buffer.from(await audio.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF')
    expect((await lead.fetch('/api/recordings/rec-call-ours/audio')).status).toBe(200)
    expect((await lead.fetch('/api/recordings/rec-call-ours/peaks')).status).toBe(200)
  })

  it.each([
    ['an empty domain', 'call-empty'],
    ['no domain', 'call-missing'],
    ["another tenant's domain", 'call-other'],
  ])('refuses a CDR with %s, its recordings and all its audio (404)', async (_, callId) => {
    // As if its recording had been listed before the relay checked domains.
    await new RecordingsRepo(relay.store.db).remember(
      'test.cc',
      [{ id: `rec-${callId}`, callId }],
      Date.now(),
    )
    for (const path of [
      `/api/calls/${callId}`,
      `/api/calls/${callId}/recordings`,
      `/api/calls/${callId}/audio`,
      `/api/recordings/rec-${callId}/audio`,
      `/api/recordings/rec-${callId}/peaks`,
    ]) {
      const res = await lead.fetch(path)
      expect(res.status, path).toBe(404)
      expect(await res.json(), path).toMatchObject({ error: 'not_found' })
    }
    // The platform was asked for the CDR, never for a recording or its audio.
    expect(streams()).toEqual([])
    expect(platform.requests.filter((r) => r.url.includes('/recordings/'))).toEqual([])
  })

  it("leaves out recordings listed for another call, another tenant's device or an unfit id", async () => {
    recordingsOf = () => [
      { id: 'r-ours', callId: 'call-ours', deviceId: '8001@test.cc' },
      { id: 'r-of-another-call', callId: 'call-other' },
      { id: 'r-other-device', callId: 'call-ours', deviceId: '8001@other.cc' },
      { id: '..', callId: 'call-ours' },
    ]
    const recs = (await (
      await lead.fetch('/api/calls/call-ours/recordings')
    ).json()) as RecordingInfo[]
    expect(recs.map((r) => r.id)).toEqual(['r-ours'])
    expect((await lead.fetch('/api/recordings/r-of-another-call/audio')).status).toBe(404)
    expect((await lead.fetch('/api/recordings/r-other-device/audio')).status).toBe(404)
    expect(streams()).toEqual([])
  })

  it('drops list rows that name another tenant or an empty domain', async () => {
    platform.on((r) =>
      pathOf(r) === '/api/cdr/2.0/calls/open'
        ? {
            status: 200,
            body: {
              total: 4,
              list: [
                { callId: 'no-domain' }, // §4.5 rows carry none: the query names it
                { callId: 'ours', domain: 'test.cc' },
                { callId: 'empty', domain: '' },
                { callId: 'theirs', domain: 'other.cc' },
              ],
            },
          }
        : undefined,
    )
    const res = await lead.fetch(
      '/api/calls?beginTime=2026-11-21%2000:00:00&endTime=2026-11-21%2023:00:00',
    )
    expect(res.status).toBe(200)
    const page = (await res.json()) as CallsPage
    expect(page.list.map((c) => c.callId)).toEqual(['no-domain', 'ours'])
    expect(new URL(platform.requests.at(-1)!.url, platform.url).searchParams.get('domain')).toBe(
      'test.cc',
    )
  })
})
