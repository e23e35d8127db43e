import * as z from 'zod/mini'

/*
 * Outbound from the console (seed 003 §5 and §6): a call back (double call, 双呼), an instant
 * auto-outbound call, and a call list (roster) for an outbound campaign. The wire shapes of the
 * relay's `/api/double-calls` and `/api/outbound/*` routes, and the abandoned callers the floor
 * and the wall keep for calling back.
 */

/** A phone number as the console accepts one: digits with an optional leading `+`, 3–20 long. */
export const PHONE_PATTERN = /^(?=.{3,20}$)\+?\d+$/

export const phoneSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(PHONE_PATTERN, 'expected a phone number: digits, an optional leading +, 3–20 long'),
  )

/** An extension with or without the tenant's domain, e.g. `8001` or `8001@test.cc`. */
export const EXTENSION_PATTERN = /^\d{1,20}(@[A-Za-z0-9.-]{1,100})?$/

const extensionSchema = z
  .string()
  .check(z.trim(), z.regex(EXTENSION_PATTERN, 'expected an extension such as 8001@test.cc'))

/** Outbound prefix (外呼前缀): digits, `*` or `#`, at most 10; empty means none. */
export const PREFIX_PATTERN = /^[0-9*#]{0,10}$/
const prefixSchema = z
  .string()
  .check(z.trim(), z.regex(PREFIX_PATTERN, 'expected digits, * or #, at most 10'))

const shortText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))

/** Data carried with a call (随路数据): at most 20 keys, short string values. */
const callData = z
  .record(z.string().check(z.minLength(1), z.maxLength(64)), z.string().check(z.maxLength(500)))
  .check(z.refine((r) => Object.keys(r).length <= 20, 'at most 20 keys'))

// ---- call back (double call, §6) ----

export const doubleCallBodySchema = z.strictObject({
  /** The customer's number, as the call record has it. */
  customerPhone: phoneSchema,
  /**
   * The extension rung first: the supervisor's own (from the profile) when absent, or an
   * agent's in the supervisor's scope. The relay adds the tenant's domain when it is missing.
   */
  deviceId: z.optional(extensionSchema),
  /** Outbound prefix; the admin setting when absent. */
  prefix: z.optional(prefixSchema),
  userData: z.optional(callData),
  options: z.optional(
    z.strictObject({
      /** Number shown to the customer (外显主叫号码), when the line allows it. */
      displayOrigin: z.optional(phoneSchema),
      /** The outside number bound to the extension, with its prefix. */
      bindPhone: z.optional(phoneSchema),
      /** Detect the customer's ringback tone (回铃音识别). */
      cpa: z.optional(z.boolean()),
    }),
  ),
  /** The call this call back answers (an abandoned call, a call record), for the audit log. */
  forCallId: z.optional(shortText(128)),
})
export type DoubleCallBody = z.output<typeof doubleCallBodySchema>

export const doubleCallAnswerSchema = z.object({
  callId: z.string(),
  /** The extension that rings first, with the domain, as sent to the platform. */
  deviceId: z.string(),
  /** The prefix sent to the platform. */
  prefix: z.string(),
})
export type DoubleCallAnswer = z.output<typeof doubleCallAnswerSchema>

// ---- instant auto-outbound (§5.1) ----

export const instantOutboundBodySchema = z.strictObject({
  /** The campaign (活动id). */
  activityId: shortText(64),
  /** The entry of the campaign's list (名单id). */
  rosterId: shortText(64),
  /** The number dialled. */
  callee: phoneSchema,
  /** Where the answered call goes: a phone number or an extension of the tenant. */
  caller: z.union([phoneSchema, extensionSchema]),
  data: z.optional(callData),
  /** The tenant id (租户id); `WELLCLOUD_TENANT_ID` when absent. */
  tenantId: z.optional(shortText(64)),
  id: z.optional(shortText(64)),
})
export type InstantOutboundBody = z.output<typeof instantOutboundBodySchema>

/** The platform's answer, as it gave it. */
export const instantOutboundAnswerSchema = z.object({
  result: z.string(),
  reason: z.nullable(z.string()),
})
export type InstantOutboundAnswer = z.output<typeof instantOutboundAnswerSchema>

/** Activity ids a user launched instant calls with, newest first, at most this many. */
export const RECENT_ACTIVITIES_MAX = 8

export const recentActivitiesSchema = z.object({ activityIds: z.array(z.string()) })
export type RecentActivities = z.output<typeof recentActivitiesSchema>

// ---- call lists (§5.2) ----

/** Largest call list the platform takes, bytes. */
export const ROSTER_MAX_BYTES = 10 * 1024 * 1024
/** File name endings the platform takes. */
export const ROSTER_EXTENSIONS = ['txt', 'csv', 'dat'] as const
/** Bad lines a refusal lists at most (the count says how many in all). */
export const ROSTER_BAD_LINES_MAX = 100

/** Why a line of a call list is refused. */
export const ROSTER_LINE_PROBLEMS = [
  /** Fewer than three fields, or more than five. */
  'fields',
  /** A full-width comma (，) where the seed asks for ASCII commas. */
  'fullwidthComma',
  'emptyRosterId',
  'emptyPrdType',
  /** The number is not digits with an optional leading +, 3–20 long. */
  'number',
  /** The data is not `key:value` pairs separated by `|`. */
  'data',
  /** A blank line between entries. */
  'blank',
] as const
export type RosterLineProblem = (typeof ROSTER_LINE_PROBLEMS)[number]

export const rosterBadLineSchema = z.object({
  /** 1-based. */
  line: z.number(),
  problem: z.enum(ROSTER_LINE_PROBLEMS),
  /** The line as it was, cut to 200 characters. */
  text: z.string(),
})
export type RosterBadLine = z.output<typeof rosterBadLineSchema>

export const rosterDuplicateSchema = z.object({
  number: z.string(),
  /** 1-based lines of every entry with this number. */
  lines: z.array(z.number()),
})
export type RosterDuplicate = z.output<typeof rosterDuplicateSchema>

/** One entry of a call list, read. */
export interface RosterEntry {
  line: number
  rosterId: string
  prdType: string
  number: string
  customerId: string | null
  data: Record<string, string>
}

/** What checking a call list found. */
export interface RosterCheck {
  /** Good entries, in file order. */
  entries: RosterEntry[]
  /** Every bad line, in file order. */
  bad: RosterBadLine[]
  /** Numbers on more than one good entry. */
  duplicates: RosterDuplicate[]
}

const LINE_TEXT_MAX = 200

/**
 * Checks a call list as seed 003 §5.2.1 defines it: one entry a line,
 * `rosterId,prdType,number[,customerId[,k:v|k:v…]]`, ASCII commas. A leading byte-order mark
 * and the line ends (LF or CRLF) are not part of any field; blank lines at the end are not
 * entries. The same check runs in the browser (preview) and on the relay (before upload).
 */
export function checkRoster(text: string): RosterCheck {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop()
  const entries: RosterEntry[] = []
  const bad: RosterBadLine[] = []
  const byNumber = new Map<string, number[]>()
  lines.forEach((raw, i) => {
    const line = i + 1
    const problem = lineProblem(raw)
    if (problem) {
      bad.push({ line, problem, text: raw.slice(0, LINE_TEXT_MAX) })
      return
    }
    const [rosterId = '', prdType = '', number = '', customerId, data] = raw.split(',')
    const entry: RosterEntry = {
      line,
      rosterId: rosterId.trim(),
      prdType: prdType.trim(),
      number: number.trim(),
      customerId: customerId?.trim() ? customerId.trim() : null,
      data: data?.trim() ? parseData(data.trim())! : {},
    }
    entries.push(entry)
    const seen = byNumber.get(entry.number)
    if (seen) seen.push(line)
    else byNumber.set(entry.number, [line])
  })
  const duplicates: RosterDuplicate[] = []
  for (const [number, at] of byNumber) if (at.length > 1) duplicates.push({ number, lines: at })
  return { entries, bad, duplicates }
}

function lineProblem(raw: string): RosterLineProblem | null {
  if (raw.trim() === '') return 'blank'
  const fields = raw.split(',')
  if (raw.includes('，') && fields.length < 3) return 'fullwidthComma'
  if (fields.length < 3 || fields.length > 5) return 'fields'
  const [rosterId = '', prdType = '', number = '', , data] = fields
  if (rosterId.trim() === '') return 'emptyRosterId'
  if (prdType.trim() === '') return 'emptyPrdType'
  if (!PHONE_PATTERN.test(number.trim())) return 'number'
  if (data !== undefined && data.trim() !== '' && parseData(data.trim()) === null) return 'data'
  return null
}

/** `k:v|k:v` into an object; null when a pair has no `:` or an empty key. */
function parseData(text: string): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const pair of text.split('|')) {
    const colon = pair.indexOf(':')
    if (colon <= 0) return null
    out[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim()
  }
  return out
}

/**
 * The list without the later entries of a number already on an earlier one (the platform dials
 * every entry, duplicates too): the lines kept, joined as they were, with the file's line end.
 */
export function dropDuplicateLines(text: string, duplicates: readonly RosterDuplicate[]): string {
  const drop = new Set(duplicates.flatMap((d) => d.lines.slice(1)))
  if (drop.size === 0) return text
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.slice(bom.length).split(/\r?\n/)
  return bom + lines.filter((_, i) => !drop.has(i + 1)).join(eol)
}

/** The query of `POST /api/outbound/rosters` (the file comes as multipart `file`). */
export const rosterUploadQuerySchema = z.strictObject({
  /** The campaign or campaign group (活动id或活动组id). */
  templateId: z.optional(shortText(64)),
  /** A name that groups batches (别名), e.g. 催收包-2021. */
  alias: z.optional(shortText(100)),
  /** `true`: drop the later entries of a number already listed before sending. */
  dropDuplicates: z.optional(z.enum(['true', 'false'])),
})

/** A call list the platform took. */
export const rosterUploadSchema = z.object({
  batchId: z.string(),
  batchName: z.string(),
  alias: z.nullable(z.string()),
  templateId: z.nullable(z.string()),
  fileName: z.string(),
  /** Entries sent (after dropping duplicates, when asked). */
  entries: z.number(),
  /** Entries dropped as duplicates before sending. */
  duplicatesDropped: z.number(),
  uploadedAt: z.number(),
  username: z.string(),
})
export type RosterUpload = z.output<typeof rosterUploadSchema>

/** `GET /api/outbound/rosters`: the tenant's uploads, newest first. */
export const rosterUploadsSchema = z.object({ uploads: z.array(rosterUploadSchema) })

/** The body of a 400 `roster_invalid`: what is wrong with the file, line by line. */
export const rosterRefusalSchema = z.object({
  error: z.literal('roster_invalid'),
  message: z.string(),
  /** At most ROSTER_BAD_LINES_MAX, in file order. */
  bad: z.array(rosterBadLineSchema),
  badCount: z.number(),
  duplicates: z.array(rosterDuplicateSchema),
})
export type RosterRefusal = z.output<typeof rosterRefusalSchema>

// ---- the tenant's outbound settings ----

export const outboundSettingsSchema = z.strictObject({
  /** Prefix of call backs when the request names none (default `WELLCLOUD_OUTBOUND_PREFIX`). */
  prefix: prefixSchema,
})
export type OutboundSettings = z.output<typeof outboundSettingsSchema>

// ---- abandoned callers, to call back ----

/** Rows of the abandoned-callers list a screen gets at most (the count says how many in all). */
export const ABANDONED_CALLERS_MAX = 100

export const abandonedCallerSchema = z.object({
  /** The customer's number, as the call records have it. */
  phone: z.string(),
  /** Calls from this number abandoned today, not yet reached. */
  attempts: z.number(),
  /** When the first and the latest of them ended, epoch ms. */
  firstAt: z.number(),
  lastAt: z.number(),
  /** Queue of the latest one. */
  skillId: z.nullable(z.string()),
  lastCallId: z.string(),
  /** A call back under way (asked through the console, not ended yet), if any. */
  callingBack: z.nullable(z.object({ by: z.string(), since: z.number(), callId: z.string() })),
  /**
   * The number's calls that reached the center today (answered ones too), when it is a repeat
   * caller (this reached the tenant's `repeatCallsMin`); absent otherwise.
   */
  callerCallsToday: z.optional(z.number()),
})
export type AbandonedCaller = z.output<typeof abandonedCallerSchema>

export const callBacksSchema = z.object({
  /** Waiting to be reached, the latest abandoned first; at most ABANDONED_CALLERS_MAX. */
  waiting: z.array(abandonedCallerSchema),
  /** How many numbers are waiting in all. */
  waitingCount: z.number(),
  /** Numbers that abandoned today. */
  abandonedToday: z.number(),
  /** Of those, reached later today (a call back, or a later call answered). */
  reachedAgain: z.number(),
  /** Median time from the first abandoned call to the call that reached them, seconds. */
  medianReachSec: z.nullable(z.number()),
})
/** Today's abandoned callers: who is still waiting for a call back, and how fast we reach them. */
export type CallBacks = z.output<typeof callBacksSchema>
