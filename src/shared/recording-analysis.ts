import * as z from 'zod/mini'

/*
 * A recording read at a glance: where both sides were quiet, where both talked at once, and how
 * the talking was shared. Computed on the relay in the same pass over the audio as the waveform
 * peaks; zod's mini build, as everywhere the browser loads.
 */

/** Shortest silence setting, s: quiet stretches shorter than this are never kept. */
export const SILENCE_MIN_SEC = 1
/** Longest silence setting, s. */
export const SILENCE_MAX_SEC = 60
/** Both sides quiet for longer than this (s) is a long silence unless the admin says otherwise. */
export const DEFAULT_SILENCE_SEC = 5
/** Both sides speaking at once for longer than this (s) is cross-talk. */
export const CROSS_TALK_SEC = 1

/** A stretch of the recording, seconds from its start. */
export const spanSchema = z.object({
  start: z.number().check(z.nonnegative()),
  end: z.number().check(z.nonnegative()),
})
export type Span = z.output<typeof spanSchema>

/** `GET /api/recordings/{id}/analysis`. */
export const recordingAnalysisSchema = z.object({
  /** Seconds. */
  duration: z.number().check(z.nonnegative()),
  /**
   * 2: the two-track WAV (agent left, customer right), with sides; 1: the one-track MP3 (both
   * sides mixed), silences only: `crossTalk` and `talk` are then null.
   */
  channels: z.union([z.literal(1), z.literal(2)]),
  /** What the audio was read from: `mp3` when the platform no longer keeps the WAV. */
  source: z.enum(['wav', 'mp3']),
  /** The tenant's setting the silences were cut by: quiet longer than this many seconds. */
  silenceSec: z.number(),
  /** Both sides quiet for longer than `silenceSec`, in order. */
  silences: z.array(spanSchema),
  /** Both sides speaking at once for longer than CROSS_TALK_SEC, in order; null with one track. */
  crossTalk: z.nullable(z.array(spanSchema)),
  /** Seconds each side spoke (pauses inside a turn included); null with one track. */
  talk: z.nullable(
    z.object({
      agentSec: z.number().check(z.nonnegative()),
      customerSec: z.number().check(z.nonnegative()),
      /** The agent's share of the talking, 0..1; null when neither spoke. */
      agentShare: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
    }),
  ),
  totals: z.object({
    /** Sum of `silences`, s. */
    silenceSec: z.number().check(z.nonnegative()),
    /** The longest of `silences`, s (0 when none). */
    longestSilenceSec: z.number().check(z.nonnegative()),
    crossTalkCount: z.number().check(z.int(), z.nonnegative()),
    /** Sum of `crossTalk`, s. */
    crossTalkSec: z.number().check(z.nonnegative()),
  }),
})
/** A recording's silences, cross-talk and talk ratio. */
export type RecordingAnalysis = z.output<typeof recordingAnalysisSchema>

/**
 * What the relay keeps of a recording's analysis, beside its peaks: every quiet stretch of at
 * least SILENCE_MIN_SEC, not only those past the current setting, so a changed setting is
 * answered from what is kept without reading the audio again.
 */
export interface SpeechSummary {
  version: 1
  duration: number
  channels: 1 | 2
  source: 'wav' | 'mp3'
  /** Both sides quiet, at least SILENCE_MIN_SEC each, as [start, end] seconds. */
  quiet: [number, number][]
  /** Both speaking, longer than CROSS_TALK_SEC each; empty with one track. */
  crossTalk: [number, number][]
  /** Seconds of speech per channel (one entry with one track). */
  talkSec: number[]
}

const round2 = (s: number) => Math.round(s * 100) / 100

/** The answer for a tenant whose long silences start past `silenceSec` seconds. */
export function analysisFor(summary: SpeechSummary, silenceSec: number): RecordingAnalysis {
  const silences = summary.quiet
    .filter(([s, e]) => e - s > silenceSec)
    .map(([start, end]) => ({ start, end }))
  const two = summary.channels === 2
  const crossTalk = two ? summary.crossTalk.map(([start, end]) => ({ start, end })) : null
  const [agentSec = 0, customerSec = 0] = summary.talkSec
  const lengths = silences.map((s) => s.end - s.start)
  return {
    duration: summary.duration,
    channels: summary.channels,
    source: summary.source,
    silenceSec,
    silences,
    crossTalk,
    talk: two
      ? {
          agentSec: round2(agentSec),
          customerSec: round2(customerSec),
          agentShare:
            agentSec + customerSec > 0
              ? Math.round((agentSec / (agentSec + customerSec)) * 1000) / 1000
              : null,
        }
      : null,
    totals: {
      silenceSec: round2(lengths.reduce((a, b) => a + b, 0)),
      longestSilenceSec: round2(lengths.reduce((a, b) => Math.max(a, b), 0)),
      crossTalkCount: crossTalk?.length ?? 0,
      crossTalkSec: round2((crossTalk ?? []).reduce((a, s) => a + s.end - s.start, 0)),
    },
  }
}
