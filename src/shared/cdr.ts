import * as z from 'zod/mini'
import { DEFAULT_PLATFORM_TZ, parsePlatformTime } from './platform-time'

/*
 * zod's mini build, as everywhere the browser loads: one small copy of zod on every page.
 */

/** `yyyy-MM-dd HH:mm:ss`, in platform time: how the platform's CDR queries take times. */
export const QUERY_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/

const queryTime = (field: string) =>
  z.string({ error: `expected ${field} as yyyy-MM-dd HH:mm:ss` }).check(
    z.trim(),
    z.regex(QUERY_TIME, 'expected yyyy-MM-dd HH:mm:ss'),
    z.refine(
      (v) => parsePlatformTime(v, DEFAULT_PLATFORM_TZ) !== null,
      'is not a real date and time',
    ),
  )

const optText = z.pipe(
  z.optional(z.string().check(z.trim(), z.maxLength(100))),
  z.transform((v: string | undefined) => (v ? v : undefined)),
)

/** Largest page the platform serves. */
export const MAX_PAGE_SIZE = 100

const paging = {
  isOrder: z._default(
    z.pipe(
      z.coerce.number(),
      z.union([z.literal(0), z.literal(1)], {
        error: 'expected 0 (newest first) or 1 (oldest first)',
      }),
    ),
    0,
  ),
  p: z._default(
    z.pipe(
      z.coerce.number(),
      z.int('expected a whole page number').check(z.gte(1, 'pages start at 1')),
    ),
    1,
  ),
  s: z._default(
    z.pipe(
      z.coerce.number(),
      z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} per page`)),
    ),
    20,
  ),
}

function beginNotAfterEnd<T extends { beginTime: string; endTime: string }>(q: T): boolean {
  return q.beginTime <= q.endTime
}

/** `GET /api/calls`: the platform's §4.5 query, less `domain` (always the user's own). */
export const callsQuerySchema = z
  .object({
    beginTime: queryTime('beginTime'),
    endTime: queryTime('endTime'),
    ani: optText,
    dnis: optText,
    /**
     * Agent (id, its number before the `@`, or name) and skill group (id, number or name): the
     * platform cannot filter by them, so the relay keeps the page's calls it knows were theirs.
     */
    agent: optText,
    skill: optText,
    ...paging,
  })
  .check(z.refine(beginNotAfterEnd, { path: ['beginTime'], message: 'must not be after endTime' }))
export type CallsQuery = z.output<typeof callsQuerySchema>

/** `GET /api/robot-calls`: §4.6, `campaignId` required. */
export const robotCallsQuerySchema = z
  .object({
    beginTime: queryTime('beginTime'),
    endTime: queryTime('endTime'),
    campaignId: z
      .string({ error: 'campaignId is required' })
      .check(z.trim(), z.minLength(1, 'campaignId is required'), z.maxLength(100)),
    resultCode: z.optional(z.pipe(z.coerce.number(), z.int())),
    groupCampaignId: optText,
    batchId: optText,
    batchName: optText,
    ani: optText,
    dnis: optText,
    rosterId: optText,
    uuiKey: optText,
    uuiValue: optText,
    ...paging,
  })
  .check(z.refine(beginNotAfterEnd, { path: ['beginTime'], message: 'must not be after endTime' }))
export type RobotCallsQuery = z.output<typeof robotCallsQuerySchema>

/** The two formats the platform streams a recording in (§4.1, §4.3 `isWav`). */
export type RecordingFormat = 'wav' | 'mp3'

/**
 * `format` left out: the two-track WAV while the platform keeps it (§4.3: only for the last
 * X days), else the one-track MP3; the answer's `X-Recording-Format` says which.
 */
export const audioQuerySchema = z.object({
  format: z.optional(z.enum(['wav', 'mp3'], { error: 'format must be wav (two tracks) or mp3' })),
  download: z._default(z.enum(['0', '1'], { error: 'download must be 0 or 1' }), '0'),
})

/** Header of an audio answer naming the format served (`wav` or `mp3`). */
export const RECORDING_FORMAT_HEADER = 'x-recording-format'

/** A page of call records, with `total` on every page (the platform sends it only with page 1). */
export interface CallsPage<T = CdrListItem> {
  total: number | null
  list: T[]
}

/** A row of §4.5 (fields as the platform names them; all may be null). */
export interface CdrListItem {
  callId: string
  callTypeName?: string | null
  callType?: number | string | null
  ani?: string | null
  dnis?: string | null
  displayNumber?: string | null
  campaignName?: string | null
  groupCampaignName?: string | null
  batchName?: string | null
  customerRosterId?: string | null
  beginTime?: string | null
  customerId?: string | null
  result?: string | null
  resultCode?: number | null
  talkLength?: number | string | null
  endTypeName?: string | null
  endType?: number | string | null
  c0?: string | null
  c1?: string | null
  c2?: string | null
  /** Added by the relay from the call's callEnd, when it saw one: who took it, from which skill group. */
  agentId?: string | null
  agentName?: string | null
  skillId?: string | null
  /** The name an admin gave the skill group, if any. */
  skillName?: string | null
  /**
   * Added by the relay: the call's place among its customer number's calls of that day that
   * reached the center, when that made the number a repeat caller (see `repeatCallsMin`).
   */
  callerCallsToday?: number
}

/** One recording of a call (§4.2). */
export interface RecordingInfo {
  id: string
  callId: string
  deviceId?: string | null
  timeIn?: string | null
  startTime?: string | null
  endTime?: string | null
  /** 1 mono, 2 stereo. */
  recordChannel?: number | null
  /** Seconds. */
  recordLength?: number | null
  /** 1 ringing, 2 talk. */
  recordType?: number | string | null
  recordFormat?: string | null
  filePath?: string | null
  repoId?: string | null
  failReason?: string | null
  recordingRepoNfsPath?: string | null
  recordingRepoRecordingPath?: string | null
  audioInMos?: string | number | null
}

export const recordingPeaksSchema = z.object({
  /** Seconds. */
  duration: z.number().check(z.nonnegative()),
  sampleRate: z.number(),
  /** Peak values per second of audio in `channels`. */
  peaksPerSecond: z.number(),
  /** Peak values run from 0 to this (full scale). */
  scale: z.number().check(z.positive()),
  /**
   * One lane per channel (agent, customer for a two-track WAV), integers 0..scale; a single
   * lane when computed from the one-track MP3.
   */
  channels: z.array(z.array(z.number())).check(z.minLength(1)),
  /** Where the peaks were computed from: `mp3` when the platform no longer keeps the WAV. */
  source: z.enum(['wav', 'mp3']),
})
/** Waveform peaks of a recording, computed once on the relay. */
export type RecordingPeaks = z.output<typeof recordingPeaksSchema>

/**
 * Answer to 14015: the range spans two of the platform's databases. `halves` (where to split
 * so each half stays within one) only when the platform's answer named the time to split at.
 */
export interface SplitHint {
  error: 'split_required'
  message: string
  /** Two ranges, in order, that together cover the query. */
  halves?: [{ beginTime: string; endTime: string }, { beginTime: string; endTime: string }]
}
