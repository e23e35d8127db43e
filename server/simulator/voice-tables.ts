import type { Random } from './random'

export const SAMPLE_RATE_HZ = 8_000 // narrow-band telephony, as the platform records
/** One second of a sustained vowel: with whole-hertz pitches it loops without a click. */
export const VOICE_TABLE_SAMPLES = SAMPLE_RATE_HZ
const TELEPHONE_TOP_HZ = 3_400 // the band a phone line carries
const FORMANT_BANDWIDTH_HZ = 90

// Formants F1–F3 (Hz) of a few vowels, rounded textbook values: enough for the ear to hear
// speech rather than a tone.
const VOWELS: ReadonlyArray<readonly [number, number, number]> = [
  [730, 1090, 2440], // a
  [270, 2290, 3010], // i
  [300, 870, 2240], // u
  [530, 1840, 2480], // e
  [570, 840, 2410], // o
  [500, 1500, 2500], // ə
]
// Pitch steps a speaker moves between (intonation), as ratios of the base pitch.
const PITCH_STEPS = [0.9, 1, 1.12] as const

const SINE = Float32Array.from({ length: VOICE_TABLE_SAMPLES }, (_, i) =>
  Math.sin((2 * Math.PI * i) / VOICE_TABLE_SAMPLES),
)

/** Loops of one speaker's voiced sounds: one per vowel and pitch step, each peaking at 1. */
export type Voice = readonly Float32Array[]

/**
 * A voice with base pitch `f0Hz`: harmonics of the pitch, weighted by resonances at the
 * vowel's formants and a −6 dB/octave source tilt, band-limited to the telephone band.
 * Built with a sine table, so a voice costs a few ms.
 */
export function buildVoice(f0Hz: number): Voice {
  const tables: Float32Array[] = []
  for (const step of PITCH_STEPS) {
    const f0 = Math.round(f0Hz * step)
    for (const formants of VOWELS) {
      const table = new Float32Array(VOICE_TABLE_SAMPLES)
      for (let k = 1; k * f0 <= TELEPHONE_TOP_HZ; k++) {
        const hz = k * f0
        let weight = 0
        for (const f of formants) weight += 1 / (1 + ((hz - f) / FORMANT_BANDWIDTH_HZ) ** 2)
        weight /= k
        for (let i = 0; i < VOICE_TABLE_SAMPLES; i++) {
          table[i]! += weight * SINE[(hz * i) % VOICE_TABLE_SAMPLES]!
        }
      }
      normalise(table)
      tables.push(table)
    }
  }
  return tables
}

/** Hiss of a phone line and the noise of fricatives: white noise, lightly high-passed. */
export function buildNoise(rng: Random, samples: number): Float32Array {
  const noise = new Float32Array(samples)
  let last = 0
  for (let i = 0; i < samples; i++) {
    const white = rng.next() * 2 - 1
    noise[i] = white - 0.6 * last
    last = white
  }
  normalise(noise)
  return noise
}

function normalise(table: Float32Array): void {
  let peak = 0
  for (const v of table) peak = Math.max(peak, Math.abs(v))
  if (peak > 0) for (let i = 0; i < table.length; i++) table[i]! /= peak
}
