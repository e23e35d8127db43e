import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallsPage, CdrListItem, RecordingInfo, RecordingPeaks } from '@/shared/cdr'
import { formatQueryTime } from '@/shared/platform-time'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import type { Session, TestRelay } from '../testing/test-relay'

// The relay against a platform that keeps no two-track WAV (every recording is past its WAV
// window), refuses CDR ranges over 31 days with the seed's own 14001 message, and answers
// 14015 without naming where to split.
const TZ = 'Asia/Shanghai'
let sim: SimulatorProcess
let relay: TestRelay
let lead: Session
let call: CdrListItem
let recording: RecordingInfo

async function get(path: string, query: Record<string, string | number> = {}, init?: RequestInit) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
  return lead.fetch(qs ? `${path}?${qs}` : path, init)
}

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator(
    [
      ...['--agents', '20', '--speed', '30', '--seed', '5', '--namespace', 'test.cc'],
      ...['--wav-days', '0', '--cdr-max-span-days', '31', '--cdr-split-message', 'plain'],
    ],
    // Computed when first opened, so the test sees the fallback happen.
    { env: { PEAKS_PREFETCH_MIN_SEC: '-1' } },
  ))
  lead = relay.lead
  const range = () => ({
    beginTime: formatQueryTime(Date.now() - 3 * 3600_000, TZ),
    endTime: formatQueryTime(Date.now() + 3600_000, TZ),
    s: 100,
  })
  for (let i = 0; i < 150 && !call; i++) {
    await new Promise((r) => setTimeout(r, 200))
    const res = await get('/api/calls', range())
    if (res.ok) call = ((await res.json()) as CallsPage).list.find((c) => Number(c.talkLength) > 5)!
  }
  const recs = await get(`/api/calls/${call.callId}/recordings`)
  recording = ((await recs.json()) as RecordingInfo[])[0]!
}, 90_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

describe('a recording past the WAV window', () => {
  it('plays as the one-track MP3 by call and by recording, and says so', async () => {
    for (const path of [
      `/api/calls/${call.callId}/audio`,
      `/api/recordings/${recording.id}/audio`,
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('x-recording-format'), path).toBe('mp3')
      expect(res.headers.get('content-type'), path).toBe('audio/mpeg')
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.toString('ascii', 0, 4), path).not.toBe('RIFF')
      expect(body.length, path).toBeGreaterThan(1000)
    }
  })

  it('seeks in the MP3 with Range, and downloads it named .mp3', async () => {
    const part = await get(
      `/api/recordings/${recording.id}/audio`,
      {},
      {
        headers: { range: 'bytes=100-199' },
      },
    )
    expect(part.status).toBe(206)
    expect(part.headers.get('x-recording-format')).toBe('mp3')
    expect(part.headers.get('content-length')).toBe('100')
    await part.arrayBuffer()
    const dl = await get(`/api/recordings/${recording.id}/audio`, { download: 1 })
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.mp3"/)
    await dl.arrayBuffer()
  })

  it('answers an explicit WAV with 404 and the platform’s meaning, not a server error', async () => {
    const res = await get(`/api/recordings/${recording.id}/audio`, { format: 'wav' })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({
      error: 'no_wav',
      platformCode: 14013,
      platformMessage: expect.any(String) as string,
      messages: { zh: expect.stringContaining('MP3') as string },
    })
  })

  it('draws its waveform from the MP3, as one lane', async () => {
    const res = await get(`/api/recordings/${recording.id}/peaks`)
    expect(res.status).toBe(200)
    const peaks = (await res.json()) as RecordingPeaks
    expect(peaks.source).toBe('mp3')
    expect(peaks.channels).toHaveLength(1)
    expect(peaks.duration).toBeCloseTo(Number(recording.recordLength), 0)
    expect(Math.max(...peaks.channels[0]!)).toBeGreaterThan(10)
  })
})

describe('CDR limits as the platform answers them', () => {
  it('14001 carries the platform’s own words beside a meaning that invents no limit', async () => {
    const res = await get('/api/calls', {
      beginTime: '2026-01-01 00:00:00',
      endTime: '2026-03-15 00:00:00',
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { messages: { zh: string; en: string } }
    expect(body).toMatchObject({
      error: 'range_too_large',
      platformCode: 14001,
      platformMessage: '没有权限',
    })
    expect(body.messages.zh).not.toMatch(/31/)
    expect(body.messages.en).not.toMatch(/31/)
  })

  it('14015 that names no time to split at: no halves guessed, the user narrows the range', async () => {
    const res = await get('/api/calls', {
      beginTime: '2026-10-25 00:00:00',
      endTime: '2026-11-05 00:00:00',
    })
    expect(res.status).toBe(409)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      error: 'split_required',
      platformCode: 14015,
      platformMessage: '不得跨库查询，必须分成两部分查询',
    })
    expect(body.halves).toBeUndefined()
  })
})
