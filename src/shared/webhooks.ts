import { z } from 'zod'
import { type AcState, isAcState } from './ac-state'
import { parsePlatformTime } from './platform-time'
import { canonicalSerial } from './serial'

/*
 * The platform's webhooks (seed 003, §7.2 and §7.3) as zod schemas. The seed gives field
 * types loosely (numbers as "String", maps as "Map"), and a platform built in Java
 * serialises numbers as strings now and then, so numeric fields accept a number or a
 * numeric string; anything else is a wrong type and named in the 400. Unknown extra fields
 * are dropped, never rejected: the platform adds fields between versions.
 */

/*
 * Limits. Every field a platform (or anyone holding a token) sends is kept in memory, stored
 * and sent to every screen, so each has a bound that fits what the platform really sends:
 * ids such as `5001@test.cc` or a UUID call id are a few dozen characters, names a few words.
 */

/** Longest id (agent, call, device, skill, org, namespace, instance…), characters. */
export const MAX_ID_CHARS = 256
/** Longest name, reason or other free text, characters. */
export const MAX_TEXT_CHARS = 1000
/** Most skill groups of one agent, and most items of any list (segments, related calls, topics). */
export const MAX_LIST_ITEMS = 200
/**
 * Largest agentStateEvent, bytes: every field at its limit fits well within it. A callEnd
 * carries open maps (user data, segments) and may use the whole webhook body limit.
 */
export const MAX_AGENT_EVENT_BYTES = 64 * 1024
/** Longest call duration (queue, talk, ring), seconds: 7 days. */
export const MAX_CALL_SECONDS = 7 * 24 * 60 * 60
/**
 * Longest time in the previous state, seconds: a year. An agent can stay logged out for weeks
 * (a holiday) and the event that logs them in again must still be taken.
 */
export const MAX_STATE_SECONDS = 366 * 24 * 60 * 60
/** Earliest platform time taken: 2000-01-01 UTC. */
export const EARLIEST_TIME_MS = Date.UTC(2000, 0, 1)
/**
 * How far past the relay's clock a platform time may lie, ms: a day covers clock skew and a
 * wrongly set zone. Later times are refused: an agent state "from the future" would freeze
 * its tile, since no later event could ever replace it.
 */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000
/** resultCode is a Java int on the platform. */
const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

const tooLong = (max: number) => `at most ${max} characters`

const text = z.string()
/** A required id: at least one character, at most MAX_ID_CHARS. */
const id = (missing: string) => text.min(1, missing).max(MAX_ID_CHARS, tooLong(MAX_ID_CHARS))

/** Optional text of at most `max` characters: absent, null and "" all mean "none". */
function optString(max: number) {
  return z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null
      const s = String(v)
      if (s.length > max) {
        ctx.addIssue({ code: 'custom', message: tooLong(max) })
        return z.NEVER
      }
      return s
    })
}
/** An optional id. */
const optId = optString(MAX_ID_CHARS)
/** An optional name, reason or other free text. */
const optName = optString(MAX_TEXT_CHARS)

const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number'),
])

// `HH:mm:ss` (hours may pass 24, as a duration does), optionally with a fraction of a second.
const CLOCK_DURATION = /^(\d{1,6}):([0-5]\d):([0-5]\d(?:\.\d{1,9})?)$/

/** A duration in seconds (float) that may be absent: null when missing or empty. */
function optSeconds(max: number, opts: { clock?: boolean } = {}) {
  const hint = opts.clock ? 'expected seconds or HH:mm:ss' : 'expected a number'
  return z
    .union([z.number(), z.string().trim()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null
      let n: number
      const clock = typeof v === 'string' && opts.clock ? CLOCK_DURATION.exec(v) : null
      if (clock) n = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])
      else if (typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(v)) n = Number(v)
      else {
        ctx.addIssue({ code: 'custom', message: hint })
        return z.NEVER
      }
      if (!(n >= 0 && n <= max)) {
        ctx.addIssue({ code: 'custom', message: `expected seconds from 0 to ${max}` })
        return z.NEVER
      }
      return n
    })
}

function integer(min: number, max: number) {
  return numeric.transform((v, ctx) => {
    const n = Number(v)
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected an integer' })
      return z.NEVER
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `expected an integer from ${min} to ${max}` })
      return z.NEVER
    }
    return n
  })
}
/** An integer that may be absent: null when missing, null or "" (a Java platform's empty int). */
function optInteger(min: number, max: number) {
  const int = integer(min, max)
  return z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null
      const r = int.safeParse(v)
      if (r.success) return r.data
      for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
      return z.NEVER
    })
}

/**
 * Serials order an agent's events: a number or a string of digits up to 2^64 − 1, kept as its
 * digits (see ./serial; the webhook quotes long literals before JSON.parse can change them).
 */
const serial = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = canonicalSerial(v)
  if (s === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected an integer from 0 to 18446744073709551615 (digits, or a number)',
    })
    return z.NEVER
  }
  return s
})

/** A flag as a Java platform may write it: true/false, "true"/"false", 1/0, "1"/"0"; "" is none. */
const optBool = z
  .union([
    z.boolean(),
    z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False', '1', '0', '']),
    z.literal(0),
    z.literal(1),
  ])
  .nullish()
  .transform((v) =>
    v === null || v === undefined || v === ''
      ? null
      : v === true || v === 1 || v === '1' || v.toString().toLowerCase() === 'true',
  )

const map = z.record(z.string(), z.unknown())

/**
 * A map the platform may also send as JSON text (`"userData": "{\"k\":\"v\"}"`): parsed. Text
 * that is not a JSON object is kept as `{ raw: text }` rather than losing the call; absent,
 * null and "" are an empty map.
 */
const looseMap = z
  .union([map, z.string()])
  .nullish()
  .transform((v): Record<string, unknown> => {
    if (v === null || v === undefined) return {}
    if (typeof v !== 'string') return v
    if (v.trim() === '') return {}
    try {
      const parsed: unknown = JSON.parse(v)
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        return parsed as Record<string, unknown>
    } catch {
      // not JSON: kept as it came
    }
    return { raw: v }
  })
const optMap = looseMap

/** At most MAX_LIST_ITEMS ids, each at most MAX_ID_CHARS; otherwise an issue and NEVER. */
function boundedIds(items: string[], ctx: z.core.$RefinementCtx): string[] {
  if (items.length > MAX_LIST_ITEMS) {
    ctx.addIssue({ code: 'custom', message: `at most ${MAX_LIST_ITEMS} items` })
    return z.NEVER
  }
  if (items.some((s) => s.length > MAX_ID_CHARS)) {
    ctx.addIssue({ code: 'custom', message: `each item ${tooLong(MAX_ID_CHARS)}` })
    return z.NEVER
  }
  return items
}

/** A set of strings: a JSON array, or (as some platform versions send) a comma-separated string. */
const stringSet = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return []
    const items = typeof v === 'string' ? v.split(',') : v.map(String)
    return boundedIds(
      items.map((s) => s.trim()).filter((s) => s !== ''),
      ctx,
    )
  })

/**
 * Skill groups of an agent. The seed only says "the agent's skill group information": seen as
 * ids, or as objects carrying an id; both become ids.
 */
const skillList = z
  .union([
    z.array(
      z.union([
        z.string(),
        z.number(),
        z.looseObject({
          skillId: optId,
          id: optId,
          skill: optId,
          name: optId,
        }),
      ]),
    ),
    z.string(),
  ])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return []
    if (typeof v === 'string')
      return boundedIds(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        ctx,
      )
    return boundedIds(
      v
        .map((s) =>
          typeof s === 'object' ? (s.skillId ?? s.id ?? s.skill ?? s.name ?? '') : String(s),
        )
        .filter((s) => s !== ''),
      ctx,
    )
  })

/**
 * A call segment (first queue, first IVR, …): an object whose shape the seed leaves open, so
 * any field may be missing. Sent as JSON text it is parsed like userData; "" is none.
 */
const segment = looseMap.transform((v) => (Object.keys(v).length === 0 ? null : v))

const TIME_HINT = 'expected a platform time such as 2018.06.12 11:33:56.368'
const TIME_RANGE = "expected a time from 2000-01-01 to one day past the relay's clock"

/** A platform time in `timeZone` as epoch ms, within 2000-01-01 … `now()` + MAX_FUTURE_MS. */
function readTime(
  v: string | number,
  timeZone: string,
  now: () => number,
  ctx: z.core.$RefinementCtx,
) {
  const epoch = parsePlatformTime(v, timeZone)
  if (epoch === null) {
    ctx.addIssue({ code: 'custom', message: TIME_HINT })
    return z.NEVER
  }
  if (epoch < EARLIEST_TIME_MS || epoch > now() + MAX_FUTURE_MS) {
    ctx.addIssue({ code: 'custom', message: TIME_RANGE })
    return z.NEVER
  }
  return epoch
}

function optTime(timeZone: string, now: () => number) {
  return z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) =>
      v === null || v === undefined || v === '' ? null : readTime(v, timeZone, now, ctx),
    )
}

/**
 * A time that must never refuse its event: epoch ms, or null when absent, unreadable or out of
 * range (the caller falls back to another time and marks it approximate).
 */
function lenientTime(timeZone: string, now: () => number) {
  return z
    .unknown()
    .optional()
    .transform((v): number | null => {
      if (typeof v !== 'string' && typeof v !== 'number') return null
      const epoch = parsePlatformTime(v, timeZone)
      if (epoch === null || epoch < EARLIEST_TIME_MS || epoch > now() + MAX_FUTURE_MS) return null
      return epoch
    })
}

/** The part after `@` of an id such as `5001@test.cc`: the tenant's domain. */
export function domainOf(id: string | null | undefined): string | null {
  if (!id) return null
  const at = id.lastIndexOf('@')
  return at >= 0 && at < id.length - 1 ? id.slice(at + 1) : null
}

/** An acState as sent; a value this console does not know yet is kept and shown as Unknown. */
const acState = text
  .max(MAX_ID_CHARS, tooLong(MAX_ID_CHARS))
  .transform((raw): { state: AcState; raw: string } => ({
    state: isAcState(raw) ? raw : 'Unknown',
    raw,
  }))

/**
 * `now` is the relay's clock: times more than a day past it are refused (MAX_FUTURE_MS).
 *
 * The platform sends each agentStateEvent once, so a bad `stateChangeTime` must not lose it:
 * absent, unreadable or out of range, it falls back to `timestamp` (when the platform sent
 * the event), and when that is absent too the output's `stateChangeTime` is null and the
 * receiver uses the time it received the event. Either way `approxTime` is true.
 */
export function agentStateEventSchema(timeZone: string, now: () => number = Date.now) {
  return z
    .object({
      eventName: z.literal('agentStateEvent'),
      serial,
      timestamp: optTime(timeZone, now),
      eventType: optId,
      id: id('expected an agent id'),
      name: optName,
      acState,
      stateChangeTime: lenientTime(timeZone, now),
      lastACState: acState.nullish().transform((v) => v ?? null),
      instanceId: optId,
      namespace: optId,
      lastStateLength: optSeconds(MAX_STATE_SECONDS, { clock: true }),
      lastStateChangeTime: optTime(timeZone, now),
      orgId: optId,
      orgName: optName,
      orgTreePos: optId,
      reason: optName,
      channelAddr: optId,
      skills: skillList,
      callId: optId,
      workSkill: optId,
      // Not in seed 003 §7.3: some platform versions add the customer's number on the current
      // call under one of these names. Taken when present (customerNumber first).
      customerNumber: optId,
      caller: optId,
      ani: optId,
    })
    .transform((e, ctx) => {
      const namespace = e.namespace ?? domainOf(e.id)
      if (!namespace) {
        ctx.addIssue({
          code: 'custom',
          path: ['namespace'],
          message: 'missing, and the agent id carries no @domain',
        })
        return z.NEVER
      }
      const stateChangeTime = e.stateChangeTime ?? e.timestamp
      return { ...e, namespace, stateChangeTime, approxTime: e.stateChangeTime === null }
    })
}

/** `now` as for agentStateEventSchema. */
export function callEndEventSchema(timeZone: string, now: () => number = Date.now) {
  return z
    .object({
      eventName: z.literal('callEnd'),
      eventSrc: optId,
      timestamp: optTime(timeZone, now),
      serial: serial.nullish().transform((v) => v ?? null),
      eventType: optId,
      namespace: optId,
      instanceId: optId,
      mediaServer: optId,
      callId: id('expected a call id'),
      cid: optId,
      ani: optId,
      dnis: optId,
      callType: optId,
      deviceId: optId,
      agentId: optId,
      customerPhone: optId,
      startTime: optTime(timeZone, now),
      answerTime: optTime(timeZone, now),
      endTime: optTime(timeZone, now),
      skillId: optId,
      queueLength: optSeconds(MAX_CALL_SECONDS),
      talkLength: optSeconds(MAX_CALL_SECONDS),
      endReason: optName,
      customerRingLength: optSeconds(MAX_CALL_SECONDS),
      deviceRingLength: optSeconds(MAX_CALL_SECONDS),
      displayNumber: optId,
      trunkName: optName,
      customerAreaCode: optId,
      customerCityCode: optId,
      resultCode: optInteger(INT32_MIN, INT32_MAX),
      campaignInfo: optMap,
      userData: optMap,
      systemData: optMap,
      relatedCalls: stringSet,
      hangupDevice: optId,
      hangupCause: optName,
      conferenced: optBool,
      transferred: optBool,
      firstRoutePoint: segment,
      firstQueue: segment,
      firstIVR: segment,
      firstStation: segment,
      // Items as objects or JSON text; a null or empty item carries nothing and is left out.
      segmentList: z
        .array(segment)
        .max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} segments`)
        .nullish()
        .transform((v) => (v ?? []).filter((s) => s !== null)),
      topics: stringSet,
      originalCall: optId,
    })
    .transform((e, ctx) => {
      const namespace = e.namespace ?? domainOf(e.agentId) ?? domainOf(e.deviceId)
      if (!namespace) {
        ctx.addIssue({
          code: 'custom',
          path: ['namespace'],
          message: 'missing, and neither agentId nor deviceId carries an @domain',
        })
        return z.NEVER
      }
      return { ...e, namespace }
    })
}

export type AgentStateEvent = z.output<ReturnType<typeof agentStateEventSchema>>
export type CallEndEvent = z.output<ReturnType<typeof callEndEventSchema>>

/** Every webhook must at least say what it is. */
export const webhookEnvelopeSchema = z.looseObject({
  eventName: z.string({ error: 'expected the event name as a string' }),
})
