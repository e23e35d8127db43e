import { CROSS_TALK_SEC, SILENCE_MIN_SEC, type SpeechSummary } from '@/shared/recording-analysis'

/** Length of one analysis frame, s: fine enough for edges within a tenth of a second. */
export const FRAME_SEC = 0.02
// A frame whose level (RMS) is above this, in dB below full scale, has someone speaking in it.
// Speech on a phone line sits around −30..−10 dBFS, a quiet line's hiss below −45.
const SPEECH_DBFS = -38
// Quiet shorter than this inside speech (between syllables, a breath between phrases) is still
// part of the turn, s. Bridging gaps, not extending ends, keeps the edges of a silence exact.
const BRIDGE_SEC = 0.5
// A burst shorter than this (a click on the line) is not speech, s.
const MIN_SPEECH_SEC = 0.06

type Interval = [number, number]

/**
 * One channel's speech as frames arrive: loud frames close together make one interval. Only the
 * intervals are kept (a few thousand for an hour), never the samples.
 */
class SpeechTrack {
  readonly intervals: Interval[] = []
  private start = -1
  private end = -1

  loud(frame: number): void {
    const t = frame * FRAME_SEC
    if (this.start >= 0 && t - this.end <= BRIDGE_SEC) {
      this.end = t + FRAME_SEC
      return
    }
    this.close()
    this.start = t
    this.end = t + FRAME_SEC
  }

  close(): void {
    if (this.start >= 0 && this.end - this.start >= MIN_SPEECH_SEC)
      this.intervals.push([this.start, this.end])
    this.start = -1
  }
}

/**
 * Speech activity of each channel from the energy of short frames, fed sample by sample in the
 * same pass that draws the waveform: `add` the square of each sample, `endFrame` every
 * `samplesPerFrame` samples.
 */
export class SpeechActivity {
  readonly samplesPerFrame: number
  /** Sum of squared samples per channel in the current frame. */
  readonly energy: Float64Array
  private readonly tracks: SpeechTrack[]
  private readonly threshold: number
  private frame = 0

  /** `fullScale`: the sample value of a full-scale signal (32768 for 16-bit, 1 for float). */
  constructor(
    private readonly channels: number,
    sampleRate: number,
    fullScale: number,
  ) {
    this.samplesPerFrame = Math.max(1, Math.round(sampleRate * FRAME_SEC))
    this.energy = new Float64Array(channels)
    this.tracks = Array.from({ length: channels }, () => new SpeechTrack())
    const level = 10 ** (SPEECH_DBFS / 20) * fullScale
    this.threshold = level * level * this.samplesPerFrame
  }

  /** Closes the current frame (a short last frame is judged by its own length). */
  endFrame(samples = this.samplesPerFrame): void {
    const threshold = (this.threshold * samples) / this.samplesPerFrame
    for (let c = 0; c < this.channels; c++) {
      if (this.energy[c]! > threshold) this.tracks[c]!.loud(this.frame)
      this.energy[c] = 0
    }
    this.frame += 1
  }

  /** What is kept of the recording; `channels` past 2 are read as one mixed track. */
  summary(duration: number, source: 'wav' | 'mp3'): SpeechSummary {
    for (const t of this.tracks) t.close()
    const speech = this.tracks.map((t) =>
      t.intervals.map(([s, e]): Interval => [s, Math.min(e, duration)]),
    )
    const two = speech.length === 2
    const sides = two ? speech : [union(speech)]
    return {
      version: 1,
      duration,
      channels: two ? 2 : 1,
      source,
      quiet: gaps(union(sides), duration)
        .filter(([s, e]) => e - s >= SILENCE_MIN_SEC)
        .map(rounded),
      crossTalk: two
        ? intersect(sides[0]!, sides[1]!)
            .filter(([s, e]) => e - s > CROSS_TALK_SEC)
            .map(rounded)
        : [],
      talkSec: sides.map((side) => round3(side.reduce((a, [s, e]) => a + e - s, 0))),
    }
  }
}

const round3 = (s: number) => Math.round(s * 1000) / 1000
const rounded = ([s, e]: Interval): Interval => [round3(s), round3(e)]

/** The intervals of several sorted lists merged into one sorted list without overlaps. */
function union(lists: Interval[][]): Interval[] {
  const all = lists.flat().sort((a, b) => a[0] - b[0])
  const out: Interval[] = []
  for (const [s, e] of all) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** The stretches of 0..duration that no interval covers. */
function gaps(sorted: Interval[], duration: number): Interval[] {
  const out: Interval[] = []
  let at = 0
  for (const [s, e] of sorted) {
    if (s > at) out.push([at, s])
    at = Math.max(at, e)
  }
  if (duration > at) out.push([at, duration])
  return out
}

/** Where two sorted lists of intervals both cover. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0])
    const e = Math.min(a[i]![1], b[j]![1])
    if (e > s) out.push([s, e])
    if (a[i]![1] < b[j]![1]) i++
    else j++
  }
  return out
}
