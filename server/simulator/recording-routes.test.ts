import type { AddressInfo } from 'node:net'
import { MPEGDecoder } from 'mpg123-decoder'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallRecord } from './call-model'
import { type Platform, runUntilCallsEnded, startPlatform } from './platform-test-kit'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

const BASE = '/api/cdr/2.0/recordings/open'
const RECORDING_FIELDS =
  'id callId deviceId timeIn startTime endTime recordChannel recordLength recordType recordFormat ' +
  'filePath repoId failReason recordingRepoNfsPath recordingRepoRecordingPath audioInMos'

interface SimCall {
  callId: string
  talkLength: number
  hasRecording: boolean
  recordingId: string | null
}

/** A floor that has run long enough to have answered calls and some that never were. */
async function setup(args: string[] = []) {
  const p = (platform = startPlatform(['--rate', '6', ...args]))
  p.sim.start()
  await runUntilCallsEnded(p, 40)
  const token = await p.token()
  const recent = (await p.app.inject('/sim/calls?limit=1000')).json<SimCall[]>()
  // The shortest answered call keeps the audio small; the test stays fast.
  const answered = recent
    .filter((c) => c.hasRecording)
    .sort((a, b) => a.talkLength - b.talkLength)[0]!
  const unanswered = recent.find((c) => !c.hasRecording)!
  expect(answered).toBeDefined()
  expect(unanswered).toBeDefined()
  const record = p.sim.callLog.get(answered.callId)!
  return { p, token, answered, unanswered, record }
}

function get(p: Platform, url: string, token: string | null, headers: Record<string, string> = {}) {
  return p.app.inject({
    url,
    headers: { ...(token ? { wellcloud_token: token } : {}), ...headers },
  })
}

describe('recordings (§4.1–4.3)', () => {
  it('lists a call’s one recording, 14011 for an unknown call and 14012 for one never answered', async () => {
    const { p, token, answered, unanswered, record } = await setup()
    const res = await get(p, `${BASE}/call/${answered.callId}`, token)
    expect(res.statusCode).toBe(200)
    const list = res.json<Array<Record<string, unknown>>>()
    expect(list).toHaveLength(1)
    expect(Object.keys(list[0]!).sort()).toEqual(RECORDING_FIELDS.split(' ').sort())
    expect(list[0]).toMatchObject({
      id: answered.recordingId,
      callId: answered.callId,
      recordChannel: 2,
      recordLength: record.talkLength,
      recordType: '2',
      recordFormat: 'WAV',
    })
    expect(list[0]!.deviceId).toMatch(/^80\d\d@test\.cc$/)
    const unknown = await get(p, `${BASE}/call/no-such-call`, token)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ errorCode: 14011 })
    const none = await get(p, `${BASE}/call/${unanswered.callId}`, token)
    expect(none.json()).toMatchObject({ errorCode: 14012 })
    expect((await get(p, `${BASE}/call/${answered.callId}`, null)).statusCode).toBe(401)
  })

  it('streams a two-track 8 kHz WAV as long as the talk, the same on every path', async () => {
    const { p, token, answered, record } = await setup()
    const res = await get(p, `${BASE}/call/${answered.callId}/stream?isDownload=0&isWav=1`, token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('audio/wav')
    expect(res.headers['accept-ranges']).toBe('bytes')
    expect(res.headers['content-disposition']).toBeUndefined()
    const wav = res.rawPayload
    const frames = Math.round(record.talkLength * 8000)
    expect(Number(res.headers['content-length'])).toBe(wav.length)
    expect(wav.length).toBe(44 + frames * 4)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ')
    expect(wav.readUInt16LE(20)).toBe(1) // PCM
    expect(wav.readUInt16LE(22)).toBe(2) // channels
    expect(wav.readUInt32LE(24)).toBe(8000)
    expect(wav.readUInt16LE(34)).toBe(16)
    expect(wav.readUInt32LE(40)).toBe(frames * 4)

    // Agent left, customer right: both speak, at different times.
    let left = 0
    let right = 0
    let differ = 0
    for (let i = 44; i < wav.length; i += 4) {
      const l = wav.readInt16LE(i)
      const r = wav.readInt16LE(i + 2)
      left += l * l
      right += r * r
      if (Math.abs(l - r) > 1000) differ++
    }
    const rms = (sum: number) => Math.sqrt(sum / frames)
    expect(rms(left)).toBeGreaterThan(500)
    expect(rms(right)).toBeGreaterThan(300)
    expect(differ / frames).toBeGreaterThan(0.2)

    for (const path of [`recording/${answered.recordingId}`, answered.recordingId]) {
      const same = await get(p, `${BASE}/${path}/stream?isDownload=1&isWav=1`, token)
      expect(same.statusCode).toBe(200)
      expect(same.rawPayload.equals(wav)).toBe(true)
      expect(same.headers['content-disposition']).toBe(
        `attachment; filename="${answered.recordingId}.wav"`,
      )
    }
  })

  it('answers byte ranges as a file server does', async () => {
    const { p, token, answered } = await setup()
    const url = `${BASE}/recording/${answered.recordingId}/stream?isDownload=0&isWav=1`
    const whole = (await get(p, url, token)).rawPayload
    const cases: Array<[string, number, number]> = [
      ['bytes=0-43', 0, 43],
      ['bytes=1000-1999', 1000, 1999],
      [`bytes=${whole.length - 10}-`, whole.length - 10, whole.length - 1],
      ['bytes=-7', whole.length - 7, whole.length - 1],
      [`bytes=100-${whole.length + 500}`, 100, whole.length - 1],
    ]
    for (const [range, start, end] of cases) {
      const res = await get(p, url, token, { range })
      expect(res.statusCode, range).toBe(206)
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${whole.length}`)
      expect(Number(res.headers['content-length'])).toBe(end - start + 1)
      expect(res.rawPayload.equals(whole.subarray(start, end + 1)), range).toBe(true)
    }
    const past = await get(p, url, token, { range: `bytes=${whole.length}-` })
    expect(past.statusCode).toBe(416)
    expect(past.headers['content-range']).toBe(`bytes */${whole.length}`)
    // A stale If-Range gets the whole file.
    const stale = await get(p, url, token, { range: 'bytes=0-9', 'if-range': '"old"' })
    expect(stale.statusCode).toBe(200)
    expect(stale.rawPayload.length).toBe(whole.length)
  })

  it('streams a one-track MP3 that decodes to the talk time', async () => {
    const { p, token, answered, record } = await setup()
    const res = await get(p, `${BASE}/call/${answered.callId}/stream?isDownload=0&isWav=0`, token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('audio/mpeg')
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    const decoder = new MPEGDecoder()
    await decoder.ready
    try {
      const audio = decoder.decode(new Uint8Array(res.rawPayload))
      expect(audio.sampleRate).toBe(8000)
      expect(audio.errors).toEqual([])
      const seconds = audio.samplesDecoded / audio.sampleRate
      expect(Math.abs(seconds - record.talkLength)).toBeLessThan(0.25)
      const pcm = audio.channelData[0]!
      let energy = 0
      for (const v of pcm) energy += v * v
      expect(Math.sqrt(energy / pcm.length)).toBeGreaterThan(0.01) // speech, not silence
    } finally {
      decoder.free()
    }
  })

  it('redirects isDownload=2 to a signed link that plays without the token', async () => {
    const { p, token, answered } = await setup()
    await p.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = p.app.server.address() as AddressInfo
    const base = `http://127.0.0.1:${port}${BASE}/recording/${answered.recordingId}/stream`
    const redirect = await fetch(`${base}?isDownload=2&isWav=1`, {
      headers: { wellcloud_token: token },
      redirect: 'manual',
    })
    expect(redirect.status).toBe(302)
    const location = new URL(redirect.headers.get('location')!)
    expect(location.pathname).toBe(new URL(base).pathname)
    expect(location.searchParams.get('isDownload')).toBe('0')
    const signed = await fetch(location)
    expect(signed.status).toBe(200)
    expect(signed.headers.get('content-type')).toBe('audio/wav')
    // Followed the way a client follows it, the redirect ends in the same bytes.
    const followed = await fetch(`${base}?isDownload=2&isWav=1`, {
      headers: { wellcloud_token: token },
    })
    expect(Buffer.from(await followed.arrayBuffer())).toEqual(
      Buffer.from(await signed.arrayBuffer()),
    )
    location.searchParams.set('isWav', '0') // the signature covers the format
    expect((await fetch(location)).status).toBe(401)
  })

  it('answers 14013 for a recording that does not exist, 401 without a token, 400 without isWav', async () => {
    const { p, token, answered, unanswered } = await setup()
    const cases: Array<[string, string | null, number, number]> = [
      [`recording/no-such-id/stream?isDownload=0&isWav=1`, token, 400, 14013],
      [`no-such-id/stream?isDownload=0&isWav=0`, token, 400, 14013],
      [`call/${unanswered.callId}/stream?isDownload=0&isWav=1`, token, 400, 14013],
      [`call/${answered.callId}/stream?isDownload=0&isWav=1`, null, 401, 401],
      [`call/${answered.callId}/stream?isDownload=0`, token, 400, 400],
    ]
    for (const [path, withToken, status, code] of cases) {
      const res = await get(p, `${BASE}/${path}`, withToken)
      expect(res.statusCode, path).toBe(status)
      expect(res.json(), path).toMatchObject({ errorCode: code })
    }
  })
})

describe('the WAV window (--wav-days)', () => {
  it('keeps a WAV only for calls within the window; the MP3 of an older one still plays', async () => {
    const { p, token, answered, record } = await setup(['--wav-days', '1'])
    const wav = `${BASE}/recording/${answered.recordingId}/stream?isDownload=0&isWav=1`
    const mp3 = `${BASE}/recording/${answered.recordingId}/stream?isDownload=0&isWav=0`
    expect((await get(p, wav, token)).statusCode).toBe(200)
    // A day and a minute after the call began it is past the window (the floor stopped, so
    // the day passes without running it).
    p.sim.stop()
    p.clock.advance(record.startTime + 86_400_000 + 60_000 - p.sim.now())
    const gone = await get(p, wav, token)
    expect(gone.statusCode).toBe(400)
    expect(gone.json()).toMatchObject({ errorCode: 14013 })
    const byCall = await get(
      p,
      `${BASE}/call/${answered.callId}/stream?isDownload=0&isWav=1`,
      token,
    )
    expect(byCall.json()).toMatchObject({ errorCode: 14013 })
    const still = await get(p, mp3, token)
    expect(still.statusCode).toBe(200)
    expect(still.headers['content-type']).toBe('audio/mpeg')
  })
})

describe('/sim/calls', () => {
  it('lists the latest calls newest first, with what a test needs to pick one', async () => {
    const p = (platform = startPlatform())
    p.sim.start()
    await runUntilCallsEnded(p, 5)
    const list = (await p.app.inject('/sim/calls?limit=3')).json<SimCall[]>()
    expect(list).toHaveLength(3)
    const latest: CallRecord[] = p.sim.callLog.latest(3).reverse()
    expect(list.map((c) => c.callId)).toEqual(latest.map((r) => r.callId))
    expect(list[0]).toMatchObject({ active: false, talkLength: latest[0]!.talkLength })
    expect((await p.app.inject('/sim/calls?limit=0')).statusCode).toBe(400)
    expect((await p.app.inject('/sim/calls/nope')).statusCode).toBe(404)
  })
})
