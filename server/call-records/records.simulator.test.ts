import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallsPage, CdrListItem, RecordingInfo, RecordingPeaks } from '@/shared/cdr'
import { formatQueryTime } from '@/shared/platform-time'
import { type SimulatorProcess, startRelayOnSimulator } from '../testing/simulator-process'
import type { Session, TestRelay } from '../testing/test-relay'

// The relay's call-record API against the real simulator over HTTP: the simulator runs a
// fast call center and serves the platform's CDR and recording APIs for the calls it ran.
const TZ = 'Asia/Shanghai'
let sim: SimulatorProcess
let relay: TestRelay
let lead: Session
let calls: CdrListItem[] = []

const range = () => {
  const now = Date.now()
  return {
    beginTime: formatQueryTime(now - 3 * 3600_000, TZ),
    endTime: formatQueryTime(now + 3600_000, TZ),
  }
}

async function get(s: Session, path: string, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
  return s.fetch(qs ? `${path}?${qs}` : path)
}

beforeAll(async () => {
  ;({ sim, relay } = await startRelayOnSimulator([
    ...['--agents', '20', '--speed', '30', '--seed', '5', '--namespace', 'test.cc'],
    ...['--token-ttl-sec', '2'],
  ]))
  lead = relay.lead
  // Let the simulated center end enough calls to page through.
  for (let i = 0; i < 150 && calls.length < 25; i++) {
    await new Promise((r) => setTimeout(r, 200))
    const res = await get(lead, '/api/calls', { ...range(), s: 100 })
    if (res.ok) calls = ((await res.json()) as CallsPage).list
  }
}, 90_000)

afterAll(async () => {
  await relay?.close()
  await sim?.stop()
})

describe('call records from the platform', () => {
  it('keeps total on every page, though the platform sends it only with page 1', async () => {
    expect(calls.length).toBeGreaterThanOrEqual(10)
    // Ending a second ago: calls the simulator ends meanwhile stay out, so the total holds still.
    const q = { ...range(), endTime: formatQueryTime(Date.now() - 1000, TZ), s: 5, isOrder: 1 }
    // A later page first: the relay learns the total alongside.
    const p2 = (await (await get(lead, '/api/calls', { ...q, p: 2 })).json()) as CallsPage
    const p1 = (await (await get(lead, '/api/calls', { ...q, p: 1 })).json()) as CallsPage
    const p3 = (await (await get(lead, '/api/calls', { ...q, p: 3 })).json()) as CallsPage
    expect(p1.total).toBeGreaterThanOrEqual(10)
    expect(p2.total).toBe(p1.total)
    expect(p3.total).toBe(p1.total)
    expect(p1.list).toHaveLength(5)
    expect(new Set([...p1.list, ...p2.list, ...p3.list].map((c) => c.callId)).size).toBe(15)
  })

  it('checks a query before sending it, naming the parameter', async () => {
    const bad = async (query: Record<string, string | number>, message: RegExp) => {
      const res = await get(lead, '/api/calls', query)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { message: string }).message).toMatch(message)
    }
    await bad({ ...range(), s: 101 }, /^s: at most 100/)
    await bad(
      { beginTime: '2026-11-21', endTime: '2026-11-21 10:00:00' },
      /^beginTime: expected yyyy-MM-dd HH:mm:ss/,
    )
    await bad(
      { beginTime: '2026-11-21 10:00:00', endTime: '2026-11-20 10:00:00' },
      /^beginTime: must not be after endTime/,
    )
    await bad(
      { beginTime: '2026-02-30 10:00:00', endTime: '2026-03-01 10:00:00' },
      /is not a real date/,
    )
    await bad({ ...range(), isOrder: 2 }, /^isOrder: /)
  })

  it('splits a range the platform will not query whole (14015) where its answer says', async () => {
    // The seed sizes no 14001: the demo platform answers a long range within one month.
    const long = await get(lead, '/api/calls', {
      beginTime: '2026-01-01 00:00:00',
      endTime: '2026-01-31 23:59:59',
    })
    expect(long.status).toBe(200)
    const across = await get(lead, '/api/calls', {
      beginTime: '2026-10-25 00:00:00',
      endTime: '2026-11-05 00:00:00',
    })
    expect(across.status).toBe(409)
    expect(await across.json()).toMatchObject({
      error: 'split_required',
      platformCode: 14015,
      platformMessage: expect.stringContaining('2026-11-01 00:00:00') as string,
      halves: [
        { beginTime: '2026-10-25 00:00:00', endTime: '2026-10-31 23:59:59' },
        { beginTime: '2026-11-01 00:00:00', endTime: '2026-11-05 00:00:00' },
      ],
    })
  })

  it('opens one call, its recordings, and 404s for a call that does not exist', async () => {
    const answered = calls.find((c) => Number(c.talkLength) > 5)!
    const detail = (await (await get(lead, `/api/calls/${answered.callId}`)).json()) as Record<
      string,
      unknown
    >
    expect(detail.callId).toBe(answered.callId)
    const recs = (await (
      await get(lead, `/api/calls/${answered.callId}/recordings`)
    ).json()) as RecordingInfo[]
    expect(recs.length).toBeGreaterThanOrEqual(1)
    expect(recs[0]!.callId).toBe(answered.callId)
    const missing = await get(lead, '/api/calls/no-such-call')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'no_such_call', platformCode: 14011 })
  })
})

describe('recordings', () => {
  let recording: RecordingInfo
  beforeAll(async () => {
    const answered = calls.find((c) => Number(c.talkLength) > 5)!
    recording = (
      (await (
        await get(lead, `/api/calls/${answered.callId}/recordings`)
      ).json()) as RecordingInfo[]
    )[0]!
  })

  it('streams with Range: 206, the right bytes, Accept-Ranges and Content-Length', async () => {
    const whole = await get(lead, `/api/recordings/${recording.id}/audio`, { format: 'wav' })
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    const all = Buffer.from(await whole.arrayBuffer())
    expect(Number(whole.headers.get('content-length'))).toBe(all.length)
    expect(all.toString('ascii', 0, 4)).toBe('RIFF')
    const part = await lead.fetch(`/api/recordings/${recording.id}/audio?format=wav`, {
      headers: { range: 'bytes=1000-1999' },
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${all.length}`)
    expect(part.headers.get('content-length')).toBe('1000')
    expect(Buffer.from(await part.arrayBuffer()).equals(all.subarray(1000, 2000))).toBe(true)
  })

  it('serves the two-track WAV when no format is asked, and says so', async () => {
    const res = await get(lead, `/api/recordings/${recording.id}/audio`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-recording-format')).toBe('wav')
    expect(Buffer.from(await res.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF')
  })

  it('names a download usefully, and serves MP3 too', async () => {
    const dl = await get(lead, `/api/recordings/${recording.id}/audio`, {
      format: 'mp3',
      download: 1,
    })
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-type')).toBe('audio/mpeg')
    expect(dl.headers.get('content-disposition')).toMatch(
      /^attachment; filename="recording-\d{8}-\d{6}-.*\.mp3"/,
    )
    await dl.arrayBuffer()
  })

  it('computes peaks once, one lane per channel of the two-track WAV', async () => {
    const res = await get(lead, `/api/recordings/${recording.id}/peaks`)
    expect(res.status).toBe(200)
    const peaks = (await res.json()) as RecordingPeaks
    expect(peaks.source).toBe('wav')
    expect(peaks.channels).toHaveLength(2)
    expect(peaks.duration).toBeCloseTo(Number(recording.recordLength), 0)
    expect(peaks.channels[0]!.length).toBe(Math.ceil(peaks.duration * peaks.peaksPerSecond))
    // Agent and customer talk in turns: the lanes differ.
    expect(peaks.channels[0]).not.toEqual(peaks.channels[1])
    expect(Math.max(...peaks.channels[0]!)).toBeGreaterThan(10)
    const streamsBefore = (
      (await (await fetch(`${sim.url}/sim/stats`)).json()) as { audioCache?: unknown }
    ).audioCache
    const again = await get(lead, `/api/recordings/${recording.id}/peaks`)
    expect(await again.json()).toEqual(peaks)
    expect(
      ((await (await fetch(`${sim.url}/sim/stats`)).json()) as { audioCache?: unknown }).audioCache,
    ).toEqual(streamsBefore)
  })

  it('refuses a guessed recording id, and a viewer', async () => {
    expect((await get(lead, '/api/recordings/guessed-id/audio')).status).toBe(404)
    expect((await get(lead, '/api/recordings/guessed-id/peaks')).status).toBe(404)
    await relay.createUser({ username: 'watcher', role: 'viewer' })
    const viewer = await relay.signIn('watcher')
    expect((await get(viewer, `/api/recordings/${recording.id}/audio`)).status).toBe(403)
    expect((await get(viewer, '/api/calls', range())).status).toBe(200)
  })

  it("refuses another tenant's user every call and recording", async () => {
    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    const other = await relay.signIn('lead-b')
    const callId = recording.callId
    expect((await get(other, `/api/calls/${callId}`)).status).toBe(404)
    expect((await get(other, `/api/calls/${callId}/recordings`)).status).toBe(404)
    expect((await get(other, `/api/calls/${callId}/audio`)).status).toBe(404)
    expect((await get(other, `/api/recordings/${recording.id}/audio`)).status).toBe(404)
    expect((await get(other, `/api/recordings/${recording.id}/peaks`)).status).toBe(404)
    // Its own domain is queried, never the caller's choice.
    const list = await get(other, '/api/calls', { ...range(), domain: 'test.cc' })
    expect([200, 401, 502]).toContain(list.status)
    if (list.status === 200) expect(((await list.json()) as CallsPage).list).toHaveLength(0)
  })
})

describe('repeat callers in the call records', () => {
  it("mark a number's later calls of the day with their place, and filter by the number", async () => {
    // The simulator's repeat customers call again within simulated minutes.
    let flagged: CdrListItem | undefined
    for (let i = 0; i < 150 && !flagged; i++) {
      const res = await get(lead, '/api/calls', { ...range(), s: 100, isOrder: 1 })
      if (res.ok) flagged = ((await res.json()) as CallsPage).list.find((c) => c.callerCallsToday)
      if (!flagged) await new Promise((r) => setTimeout(r, 200))
    }
    expect(flagged, 'a repeat caller within 30 s').toBeDefined()
    const number = flagged!.ani!
    const res = await get(lead, '/api/calls', { ...range(), ani: number, s: 100, isOrder: 1 })
    expect(res.status).toBe(200)
    const ofNumber = ((await res.json()) as CallsPage).list
    expect(ofNumber.every((c) => c.ani === number)).toBe(true)
    const places = ofNumber.flatMap((c) => (c.callerCallsToday ? [c.callerCallsToday] : []))
    // The default minimum is 2: the first call of the day is never flagged, the later ones are.
    expect(ofNumber.length).toBeGreaterThanOrEqual(2)
    expect(places.length).toBeLessThan(ofNumber.length)
    expect(new Set(places).size).toBe(places.length)
    for (const p of places) expect(p).toBeGreaterThanOrEqual(2)
    expect(Math.max(...places)).toBeLessThanOrEqual(ofNumber.length)
    // The call page says the same as its row.
    const detail = (await (await get(lead, `/api/calls/${flagged!.callId}`)).json()) as CdrListItem
    expect(detail.callerCallsToday).toBe(flagged!.callerCallsToday)
  }, 60_000)
})

describe('a long call', () => {
  it('has its waveform computed as it ends, before anyone opens it', async () => {
    const res = await fetch(`${sim.url}/sim/fixtures/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ talkSec: 700 }),
    })
    expect(res.status).toBe(201)
    const peaksDir = path.join(relay.dataDir, 'peaks')
    const before = fs.existsSync(peaksDir) ? fs.readdirSync(peaksDir).length : 0
    let after = before
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 200))
      after = fs.existsSync(peaksDir) ? fs.readdirSync(peaksDir).length : 0
    }
    // Its peaks and, read in the same pass, its silences and cross-talk.
    expect(after).toBe(before + 2)
  }, 30_000)
})
