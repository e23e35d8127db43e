import { endianness } from 'node:os'
import { createRandom, hashString, type Random } from './random'
import {
  SAMPLE_RATE_HZ,
  VOICE_TABLE_SAMPLES,
  type Voice,
  buildNoise,
  buildVoice,
} from './voice-tables'

export const WAV_HEADER_BYTES = 44
const CHANNELS = 2 // agent left, customer right: the platform's two-track recording
const BYTES_PER_SAMPLE = 2 // 16-bit PCM
const FULL_SCALE = 32_767

const AGENT = 0 // left channel; the customer is 1, right

const ENVELOPE_POINTS = 256
// A syllable swells fast and fades slower, like a voiced syllable.
const ENVELOPE = Float32Array.from({ length: ENVELOPE_POINTS }, (_, i) => {
  const x = i / (ENVELOPE_POINTS - 1)
  return Math.sin(Math.PI * x ** 0.7) ** 1.5
})
const NOISE_SAMPLES = 7_919 // a prime, so the looped hiss never lines up with anything
const LINE_HISS = 0.004 // about −48 dBFS: a line is never digitally silent
const FRICATIVE_S = 0.04

const PLANNED_FROM_S = 40 // calls this long always have a long hold and a clash
const LONG_HOLD_S = [5.5, 12] as const // both quiet, s: past the console's default of 5
const CLASH_S = [1.6, 2.4] as const // both talking, s: past the 1 s that counts as cross-talk
const LONG_HOLD_CHANCE = 0.015 // per turn, besides the planned one
const CLASH_CHANCE = 0.02 // per turn, besides the planned one

/** Where speech goes: interleaved 16-bit frames and the sample offset of each speaker. */
interface Canvas {
  pcm: Int16Array
  frames: number
}

/**
 * A two-track conversation as a WAV file (8 kHz, 16-bit, agent left, customer right) of
 * exactly `talkSeconds`, the same bytes for the same callId: turn-taking with pauses,
 * short acknowledgements and some cross-talk, long holds (both quiet for over 5 s) and
 * interruptions (both talking for over a second) now and then, each turn a run of formant-voiced syllables
 * under a syllable-rate envelope. It loops over precomputed vowel tables, so an hour takes
 * a fraction of a second.
 */
export function conversationWav(callId: string, talkSeconds: number): Buffer {
  const frames = Math.max(0, Math.round(talkSeconds * SAMPLE_RATE_HZ))
  const dataBytes = frames * CHANNELS * BYTES_PER_SAMPLE
  const wav = Buffer.alloc(WAV_HEADER_BYTES + dataBytes)
  writeHeader(wav, dataBytes)
  // Buffer.alloc never hands out a pooled slice, so the data starts 2-byte aligned.
  const canvas = {
    pcm: new Int16Array(wav.buffer, wav.byteOffset + WAV_HEADER_BYTES, frames * CHANNELS),
    frames,
  }
  const rng = createRandom(hashString(callId))
  const noise = buildNoise(rng, NOISE_SAMPLES)
  fillHiss(canvas, noise)
  const voices = [buildVoice(rng.int(190, 240)), buildVoice(rng.int(100, 150))] as const
  const talk = new Talk(canvas, rng, voices, noise)
  talk.converse(frames / SAMPLE_RATE_HZ)
  if (endianness() === 'BE') wav.subarray(WAV_HEADER_BYTES).swap16() // WAV is little-endian
  return wav
}

/** Frames (per channel) of a WAV made by `conversationWav`. */
export function wavFrames(wav: Buffer): number {
  return (wav.length - WAV_HEADER_BYTES) / (CHANNELS * BYTES_PER_SAMPLE)
}

/** The 16-bit samples of a WAV made by `conversationWav`, interleaved left/right. */
export function wavSamples(wav: Buffer): Int16Array {
  return new Int16Array(wav.buffer, wav.byteOffset + WAV_HEADER_BYTES, wavFrames(wav) * CHANNELS)
}

class Talk {
  private readonly lastEnd = [0, 0]

  constructor(
    private readonly canvas: Canvas,
    private readonly rng: Random,
    private readonly voices: readonly [Voice, Voice],
    private readonly noise: Float32Array,
  ) {}

  /** Turns until the call ends; the agent greets first. */
  converse(totalS: number): void {
    const r = this.rng
    let speaker = AGENT
    let t = r.uniform(0.3, 0.9)
    // What a supervisor looks for in a recording: a long hold (both quiet while someone looks
    // something up) and both talking at once for a while. A call of PLANNED_FROM_S or more has
    // one of each, at places drawn from its seed; any call may have more, now and then.
    const planned = totalS >= PLANNED_FROM_S
    let holdAt = planned ? r.uniform(0.2, 0.65) * totalS : Infinity
    let clashAt = planned ? r.uniform(0.2, 0.8) * totalS : Infinity
    let atLeast = 0 // s the next turn lasts at least (an interruption talks on over the other)
    while (t < totalS - 0.4) {
      const turn = Math.max(atLeast, Math.min(0.8 + r.exponential(2.8), 12))
      atLeast = 0
      const end = Math.min(t + turn, totalS - 0.2)
      this.utterance(speaker, t, end)
      const hold = t >= holdAt || r.chance(LONG_HOLD_CHANCE)
      const clash = !hold && (t >= clashAt || r.chance(CLASH_CHANCE)) && end - t > CLASH_S[1] + 0.5
      if (!clash && end - t > 4 && r.chance(0.4)) {
        // The listener acknowledges mid-turn: 嗯, 对, 好的.
        const at = t + (end - t) * r.uniform(0.4, 0.7)
        this.utterance(1 - speaker, at, at + r.uniform(0.25, 0.45))
      }
      // Mostly a pause before the reply; now and then the reply starts early (cross-talk),
      // and once in a while a long silence (someone looks something up).
      let gap = r.chance(0.15) ? -r.uniform(0.2, 0.7) : r.uniform(0.15, 1.1)
      if (r.chance(0.05)) gap += r.uniform(2, 6)
      if (hold) {
        gap = r.uniform(LONG_HOLD_S[0], LONG_HOLD_S[1])
        holdAt = Infinity
      } else if (clash) {
        // The listener cuts in and both talk on: the reply starts well before the turn ends.
        gap = -r.uniform(CLASH_S[0], CLASH_S[1])
        atLeast = -gap + 1
        clashAt = Infinity
      }
      speaker = 1 - speaker
      t = Math.max(end + gap, this.lastEnd[speaker]! + 0.1)
    }
  }

  /** Syllables from `fromS` to `toS`, grouped in phrases with short breaths between. */
  private utterance(speaker: number, fromS: number, toS: number): void {
    const r = this.rng
    let t = fromS
    let inPhrase = r.int(3, 9)
    let loudness = r.uniform(0.55, 0.8)
    while (t < toS) {
      const length = Math.min(r.uniform(0.11, 0.26), toS - t)
      if (length < 0.05) break
      this.syllable(speaker, t, length, loudness * r.uniform(0.7, 1))
      t += length + r.uniform(0.015, 0.07)
      if (--inPhrase === 0) {
        t += r.uniform(0.15, 0.4)
        inPhrase = r.int(3, 9)
        loudness = r.uniform(0.55, 0.8)
      }
    }
    this.lastEnd[speaker] = Math.max(this.lastEnd[speaker]!, t)
  }

  private syllable(speaker: number, atS: number, lengthS: number, amplitude: number): void {
    const r = this.rng
    const voice = this.voices[speaker]!
    const table = voice[r.int(0, voice.length - 1)]!
    const first = Math.round(atS * SAMPLE_RATE_HZ)
    const n = Math.min(Math.round(lengthS * SAMPLE_RATE_HZ), this.canvas.frames - first)
    const offset = r.int(0, VOICE_TABLE_SAMPLES - 1)
    const gain = amplitude * (speaker === AGENT ? 0.9 : 0.75) * FULL_SCALE
    this.paint(speaker, first, n, table, offset, gain)
    if (r.chance(0.5)) {
      // A consonant: a short burst of noise at the onset.
      const burst = Math.min(n, Math.round(FRICATIVE_S * SAMPLE_RATE_HZ))
      this.paint(speaker, first, burst, this.noise, r.int(0, this.noise.length - 1), gain * 0.25)
    }
  }

  /** Adds `n` samples of a looped table under the syllable envelope, clipping at full scale. */
  private paint(
    channel: number,
    first: number,
    n: number,
    table: Float32Array,
    offset: number,
    gain: number,
  ): void {
    const pcm = this.canvas.pcm
    const scale = ENVELOPE_POINTS / n
    let p = offset % table.length
    for (let j = 0; j < n; j++) {
      const i = (first + j) * CHANNELS + channel
      const v = pcm[i]! + table[p]! * ENVELOPE[(j * scale) | 0]! * gain
      pcm[i] = v > FULL_SCALE ? FULL_SCALE : v < -FULL_SCALE ? -FULL_SCALE : v
      if (++p === table.length) p = 0
    }
  }
}

function fillHiss(canvas: Canvas, noise: Float32Array): void {
  const { pcm } = canvas
  const hiss = LINE_HISS * FULL_SCALE
  // The customer's line (a mobile, far away) is a little noisier, and decorrelated.
  let a = 0
  let b = NOISE_SAMPLES >> 1
  for (let i = 0; i < pcm.length; i += 2) {
    pcm[i] = noise[a]! * hiss
    pcm[i + 1] = noise[b]! * hiss * 1.5
    if (++a === NOISE_SAMPLES) a = 0
    if (++b === NOISE_SAMPLES) b = 0
  }
}

function writeHeader(wav: Buffer, dataBytes: number): void {
  const blockAlign = CHANNELS * BYTES_PER_SAMPLE
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + dataBytes, 4)
  wav.write('WAVE', 8, 'ascii')
  wav.write('fmt ', 12, 'ascii')
  wav.writeUInt32LE(16, 16) // size of the fmt chunk
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(CHANNELS, 22)
  wav.writeUInt32LE(SAMPLE_RATE_HZ, 24)
  wav.writeUInt32LE(SAMPLE_RATE_HZ * blockAlign, 28)
  wav.writeUInt16LE(blockAlign, 32)
  wav.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(dataBytes, 40)
}
