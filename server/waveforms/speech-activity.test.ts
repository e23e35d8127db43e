import { createMp3Encoder } from 'wasm-media-encoders'
import { describe, expect, it } from 'vitest'
import { analysisFor } from '@/shared/recording-analysis'
import { mp3Peaks, WavPeaks } from './peaks'

const RATE = 8000 // Hz, as the platform's two-track recordings
const LENGTH_S = 30

type Turns = [number, number][]
// Who speaks when, s. Silences of both: 0–0.5, 8–14 (6 s), 21.5–22, 28–30 (2 s).
// Both at once: 4.5–6 (1.5 s), 19.2–20 (0.8 s: too short for cross-talk), 23.6–25 (1.4 s).
const AGENT: Turns = [
  [0.5, 6],
  [14, 20],
  [22, 25],
]
const CUSTOMER: Turns = [
  [4.5, 8],
  [19.2, 21.5],
  [23.6, 28],
]

/**
 * A voice on the turns: 180 ms syllables with 50 ms gaps between them (the last one runs to the
 * turn's very end), at about −12 dBFS, over a line hiss at about −55 dBFS. Exact to the sample.
 */
function voice(turns: Turns, pitchHz: number): (frame: number) => number {
  let seed = pitchHz
  const hiss = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return (seed / 2 ** 31 - 0.5) * 120
  }
  return (f) => {
    const t = f / RATE
    const turn = turns.find(([a, b]) => t >= a && t < b)
    if (!turn) return hiss()
    const inTurn = t - turn[0]
    const voiced = inTurn % 0.23 < 0.18 || t >= turn[1] - 0.1
    return voiced ? Math.sin(2 * Math.PI * pitchHz * t) * 8000 + hiss() : hiss()
  }
}

function twoTrackWav(): Buffer {
  const frames = LENGTH_S * RATE
  const agent = voice(AGENT, 210)
  const customer = voice(CUSTOMER, 130)
  const data = Buffer.alloc(frames * 4)
  for (let f = 0; f < frames; f++) {
    data.writeInt16LE(Math.round(agent(f)), f * 4)
    data.writeInt16LE(Math.round(customer(f)), f * 4 + 2)
  }
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + data.length, 4)
  h.write('WAVEfmt ', 8, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(2, 22)
  h.writeUInt32LE(RATE, 24)
  h.writeUInt32LE(RATE * 4, 28)
  h.writeUInt16LE(4, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(data.length, 40)
  return Buffer.concat([h, data])
}

const WITHIN = 0.1 // s: what the player's markers and skips must hit

function expectSpans(actual: { start: number; end: number }[], expected: Turns) {
  expect(actual).toHaveLength(expected.length)
  expected.forEach(([start, end], i) => {
    expect(Math.abs(actual[i]!.start - start), `start of span ${i}`).toBeLessThanOrEqual(WITHIN)
    expect(Math.abs(actual[i]!.end - end), `end of span ${i}`).toBeLessThanOrEqual(WITHIN)
  })
}

describe('reading a two-track recording', () => {
  const file = twoTrackWav()
  const peaks = new WavPeaks()
  // Odd chunks, so sample frames and analysis frames are split across them.
  for (let at = 0; at < file.length; at += 1001) peaks.feed(file.subarray(at, at + 1001))
  peaks.finish()
  const speech = peaks.speech()

  it('finds the long silence, and the cross-talk, within 100 ms', () => {
    const a = analysisFor(speech, 5)
    expect(a.channels).toBe(2)
    expectSpans(a.silences, [[8, 14]])
    expectSpans(a.crossTalk!, [
      [4.5, 6],
      [23.6, 25],
    ])
    expect(a.totals.crossTalkCount).toBe(2)
    expect(a.totals.crossTalkSec).toBeCloseTo(2.9, 0)
    expect(a.totals.longestSilenceSec).toBeCloseTo(6, 0)
  })

  it('answers a shorter silence setting from what it kept, without the audio', () => {
    const a = analysisFor(speech, 1)
    expectSpans(a.silences, [
      [8, 14],
      [28, 30],
    ])
    expect(a.totals.silenceSec).toBeGreaterThan(7.8)
    expect(a.totals.silenceSec).toBeLessThan(8.2)
  })

  it('counts each side’s talk, syllable gaps included, and the agent’s share', () => {
    const { talk } = analysisFor(speech, 5)
    // Agent 5.5 + 6 + 3 = 14.5 s, customer 3.5 + 2.3 + 4.4 = 10.2 s.
    expect(talk!.agentSec).toBeGreaterThan(14.3)
    expect(talk!.agentSec).toBeLessThan(14.7)
    expect(talk!.customerSec).toBeGreaterThan(10)
    expect(talk!.customerSec).toBeLessThan(10.4)
    expect(talk!.agentShare).toBeCloseTo(14.5 / 24.7, 2)
  })
})

describe('reading a one-track MP3', () => {
  it('finds the silences of both sides mixed, and says it has no sides', async () => {
    const file = twoTrackWav()
    const pcm = new Int16Array(file.buffer, file.byteOffset + 44, (file.length - 44) / 2)
    const mono = new Float32Array(pcm.length / 2)
    for (let i = 0; i < mono.length; i++) mono[i] = (pcm[2 * i]! + pcm[2 * i + 1]!) / 65536
    const encoder = await createMp3Encoder()
    encoder.configure({ sampleRate: RATE, channels: 1, bitrate: 16, outputSampleRate: RATE })
    const mp3 = Buffer.concat([
      Buffer.from(encoder.encode([mono])),
      Buffer.from(encoder.finalize()),
    ])

    const { speech } = await mp3Peaks(new Uint8Array(mp3))
    const a = analysisFor(speech, 5)
    expect(a.channels).toBe(1)
    expect(a.source).toBe('mp3')
    expect(a.crossTalk).toBeNull()
    expect(a.talk).toBeNull()
    // The MP3 itself starts later by the codec's delay (LAME's 576 + the decoder's 529 samples,
    // no gapless tag): its own timeline, which is what plays, is what the spans are on.
    const d = (576 + 529) / RATE
    expectSpans(a.silences, [[8 + d, 14 + d]])
    expectSpans(analysisFor(speech, 1).silences, [
      [8 + d, 14 + d],
      [28 + d, 30 + d],
    ])
  })
})
