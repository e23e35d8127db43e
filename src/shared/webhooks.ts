import { z } from 'zod'
import { type AcState, isAcState } from './ac-state'
import { parsePlatformTime } from './platform-time'

/*
 * The platform's webhooks (seed 003, §7.2 and §7.3) as zod schemas. The seed gives field
 * types loosely (numbers as "String", maps as "Map"), and a platform built in Java
 * serialises numbers as strings now and then, so numeric fields accept a number or a
 * numeric string; anything else is a wrong type and named in the 400. Unknown extra fields
 * are dropped, never rejected: the platform adds fields between versions.
 */

const text = z.string()
/** Optional text: absent, null and "" all mean "none". */
const optText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : String(v)))

const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number'),
])

/** A float field that may be absent: null when missing or empty. */
const optNumber = z
  .union([numeric, z.literal('')])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : Number(v)))

const integer = numeric.transform((v, ctx) => {
  const n = Number(v)
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: 'expected an integer' })
    return z.NEVER
  }
  return n
})

const optBool = z
  .union([z.boolean(), z.enum(['true', 'false']), z.literal(0), z.literal(1)])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : v === true || v === 'true' || v === 1))

const map = z.record(z.string(), z.unknown())
const optMap = map.nullish().transform((v) => v ?? {})

/** A set of strings: a JSON array, or (as some platform versions send) a comma-separated string. */
const stringSet = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined) return []
    const items = typeof v === 'string' ? v.split(',') : v.map(String)
    return items.map((s) => s.trim()).filter((s) => s !== '')
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
          skillId: optText,
          id: optText,
          skill: optText,
          name: optText,
        }),
      ]),
    ),
    z.string(),
  ])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined) return []
    if (typeof v === 'string')
      return v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    return v
      .map((s) =>
        typeof s === 'object' ? (s.skillId ?? s.id ?? s.skill ?? s.name ?? '') : String(s),
      )
      .filter((s) => s !== '')
  })

/** A call segment (first queue, first IVR, …): an object whose shape the seed leaves open. */
const segment = map.nullish().transform((v) => v ?? null)

const TIME_HINT = 'expected a platform time such as 2018.06.12 11:33:56.368'

function time(timeZone: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const epoch = parsePlatformTime(v, timeZone)
    if (epoch === null) {
      ctx.addIssue({ code: 'custom', message: TIME_HINT })
      return z.NEVER
    }
    return epoch
  })
}

function optTime(timeZone: string) {
  return z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === '') return null
      const epoch = parsePlatformTime(v, timeZone)
      if (epoch === null) {
        ctx.addIssue({ code: 'custom', message: TIME_HINT })
        return z.NEVER
      }
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
const acState = text.transform((raw): { state: AcState; raw: string } => ({
  state: isAcState(raw) ? raw : 'Unknown',
  raw,
}))

export function agentStateEventSchema(timeZone: string) {
  return z
    .object({
      eventName: z.literal('agentStateEvent'),
      serial: integer,
      timestamp: optTime(timeZone),
      eventType: optText,
      id: text.min(1, 'expected an agent id'),
      name: optText,
      acState,
      stateChangeTime: time(timeZone),
      lastACState: acState.nullish().transform((v) => v ?? null),
      instanceId: optText,
      namespace: optText,
      lastStateLength: optNumber,
      lastStateChangeTime: optTime(timeZone),
      orgId: optText,
      orgName: optText,
      orgTreePos: optText,
      reason: optText,
      channelAddr: optText,
      skills: skillList,
      callId: optText,
      workSkill: optText,
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
      return { ...e, namespace }
    })
}

export function callEndEventSchema(timeZone: string) {
  return z
    .object({
      eventName: z.literal('callEnd'),
      eventSrc: optText,
      timestamp: optTime(timeZone),
      serial: integer.nullish().transform((v) => v ?? null),
      eventType: optText,
      namespace: optText,
      instanceId: optText,
      mediaServer: optText,
      callId: text.min(1, 'expected a call id'),
      cid: optText,
      ani: optText,
      dnis: optText,
      callType: optText,
      deviceId: optText,
      agentId: optText,
      customerPhone: optText,
      startTime: optTime(timeZone),
      answerTime: optTime(timeZone),
      endTime: optTime(timeZone),
      skillId: optText,
      queueLength: optNumber,
      talkLength: optNumber,
      endReason: optText,
      customerRingLength: optNumber,
      deviceRingLength: optNumber,
      displayNumber: optText,
      trunkName: optText,
      customerAreaCode: optText,
      customerCityCode: optText,
      resultCode: integer.nullish().transform((v) => v ?? null),
      campaignInfo: optMap,
      userData: optMap,
      systemData: optMap,
      relatedCalls: stringSet,
      hangupDevice: optText,
      hangupCause: optText,
      conferenced: optBool,
      transferred: optBool,
      firstRoutePoint: segment,
      firstQueue: segment,
      firstIVR: segment,
      firstStation: segment,
      segmentList: z
        .array(map)
        .nullish()
        .transform((v) => v ?? []),
      topics: stringSet,
      originalCall: optText,
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

/** The two events this console acts on; others are counted and acknowledged with 202. */
export const KNOWN_EVENTS = ['agentStateEvent', 'callEnd'] as const
export type KnownEventName = (typeof KNOWN_EVENTS)[number]

/** Every webhook must at least say what it is. */
export const webhookEnvelopeSchema = z.looseObject({
  eventName: z.string({ error: 'expected the event name as a string' }),
})

// Kept here too for modules written before it moved to ./validation.
export { describeIssues } from './validation'
