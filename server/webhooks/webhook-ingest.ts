import type { FastifyBodyParser } from 'fastify'
import { quoteLongSerials } from '@/shared/serial'
import { describeIssues } from '@/shared/validation'
import {
  agentStateEventSchema,
  type CallEndEvent,
  callEndEventSchema,
  MAX_AGENT_EVENT_BYTES,
  webhookEnvelopeSchema,
} from '@/shared/webhooks'
import type { AgentsStore } from '../agents/agents.store'
import type { CallsStore } from '../day-calls/calls.store'
import { countIgnored, MAX_EVENT_NAME_CHARS, type WebhookStats } from './webhook-stats'

/** Reads a body as JSON: the value, or why it is not JSON. */
export type JsonReader = (raw: string) => { value: unknown } | { error: string }

export interface IngestDeps {
  timeZone: string
  now: () => number
  agents: AgentsStore
  calls: CallsStore
  /** How bodies are read as JSON (Fastify's parser, see `jsonReaderOf`). */
  json: JsonReader
}

/** What one webhook body came to, and what the webhook answers for it. */
export type IngestOutcome =
  | { status: 200; result: 'applied' | 'stale' | 'duplicate'; namespace: string }
  | { status: 202; result: 'ignored'; eventName: string; message: string }
  | { status: 400; error: 'invalid_event'; eventName: string | null; message: string }
  | { status: 403; error: 'forbidden'; eventName: string; message: string }
  | { status: 413; error: 'too_large'; eventName: string | null; message: string }

/** The refusals whose body is kept in the quarantine: it came from the tenant but did not apply. */
export type Refusal = Extract<IngestOutcome, { status: 400 | 413 }>

/**
 * Takes one body for the tenant `admitted`: parse, validate, check the tenant, apply.
 * `store: false`: another relay process of the cluster took and stored it; this one only shows it.
 */
export type Ingest = (
  raw: string,
  admitted: string,
  receivedAt: number,
  opts?: { store?: boolean },
) => Promise<IngestOutcome>

/**
 * The one path every platform event takes, from the raw body to the floor: the webhook calls
 * it for what the platform posts, and a quarantine replay for a body kept earlier, so a replay
 * is validated and applied exactly as the event would be now.
 *
 * Everything up to the write is synchronous; the promise settles once what the event brought
 * is committed (a crash after the answer loses nothing). A failed write rejects.
 */
export function webhookIngest(deps: IngestDeps): Ingest {
  const agentSchema = agentStateEventSchema(deps.timeZone, deps.now)
  const callSchema = callEndEventSchema(deps.timeZone, deps.now)

  return async function ingest(raw, admitted, receivedAt, opts = {}) {
    if (raw === '') return invalid(null, '(body): empty; expected one JSON event')
    // A serial past 2^53 sent as a bare number would lose digits in JSON.parse.
    const json = deps.json(quoteLongSerials(raw))
    if ('error' in json) return invalid(null, `(body): not valid JSON (${json.error})`)
    const body = json.value
    const envelope = webhookEnvelopeSchema.safeParse(body)
    if (!envelope.success) {
      const message = isPlainObject(body)
        ? describeIssues(envelope.error)
        : '(body): expected one JSON object with an eventName'
      return invalid(null, message)
    }
    const eventName = envelope.data.eventName
    switch (eventName) {
      case 'agentStateEvent': {
        if (Buffer.byteLength(raw) > MAX_AGENT_EVENT_BYTES) {
          return {
            status: 413,
            error: 'too_large',
            eventName,
            message: `(body): an agentStateEvent may be at most ${MAX_AGENT_EVENT_BYTES} bytes`,
          }
        }
        const parsed = agentSchema.safeParse(body)
        if (!parsed.success) return invalid(eventName, describeIssues(parsed.error))
        if (parsed.data.namespace !== admitted) {
          return forbidden(eventName, admitted, parsed.data.namespace)
        }
        const { result, persisted } = deps.agents.apply(parsed.data, receivedAt, opts)
        await persisted
        return { status: 200, result, namespace: parsed.data.namespace }
      }
      case 'callEnd': {
        const parsed = callSchema.safeParse(body)
        if (!parsed.success) return invalid(eventName, describeIssues(parsed.error))
        const e = parsed.data
        if (e.namespace !== admitted) return forbidden(eventName, admitted, e.namespace)
        const org = e.agentId
          ? (deps.agents.get(e.namespace, e.agentId)?.org.treePos ?? null)
          : null
        const stored = deps.calls.ingest(e, receivedAt, org, opts)
        const customer = customerOf(e)
        if (customer) deps.agents.callNumber(e.namespace, e.callId, customer)
        return { status: 200, result: await stored, namespace: e.namespace }
      }
      default:
        return {
          status: 202,
          result: 'ignored',
          eventName,
          message: `eventName ${shownName(eventName)} is not used by this console`,
        }
    }
  }
}

/**
 * Fastify's own JSON parser as a JsonReader (it is synchronous). Prototype keys are removed
 * rather than refused, so an odd customer field cannot lose a call.
 */
export function jsonReaderOf(app: {
  getDefaultJsonParser(proto: 'remove', ctor: 'remove'): FastifyBodyParser<string>
}): JsonReader {
  const parse = app.getDefaultJsonParser('remove', 'remove')
  return (raw) => {
    let read: { value: unknown } | { error: string } = { error: 'unreadable' }
    void parse(undefined as never, raw, (err, value) => {
      read = err ? { error: err.message } : { value }
    })
    return read
  }
}

/** Counts an outcome in the webhook's counters (for `/api/health/details`). */
export function countOutcome(stats: WebhookStats, o: IngestOutcome): void {
  switch (o.status) {
    case 200:
      stats[o.result] += 1
      return
    case 202:
      countIgnored(stats, o.eventName)
      return
    case 400:
      stats.invalid += 1
      return
    case 403:
      stats.forbidden += 1
      return
    case 413:
      stats.tooLarge += 1
      return
  }
}

/** The webhook's answer for an outcome. */
export function answerOf(o: IngestOutcome): Record<string, string> {
  switch (o.status) {
    case 200:
      return { result: o.result }
    case 202:
      return { result: o.result, message: o.message }
    case 400:
    case 403:
    case 413:
      return { error: o.error, message: o.message }
  }
}

/** The event name as a quarantine entry keeps it: a long one is cut. */
export function keptName(eventName: string | null): string | null {
  return eventName === null ? null : eventName.slice(0, MAX_EVENT_NAME_CHARS)
}

/** The customer's side of an ended call: `customerPhone`, else the far end by direction. */
function customerOf(e: CallEndEvent): string | null {
  if (e.customerPhone) return e.customerPhone
  return e.callType && /out/i.test(e.callType) ? e.dnis : e.ani
}

function invalid(eventName: string | null, message: string): IngestOutcome {
  return { status: 400, error: 'invalid_event', eventName, message }
}

/** A known token, but the event is another tenant's: it would write that tenant's floor. */
function forbidden(eventName: string, admitted: string, asked: string): IngestOutcome {
  return {
    status: 403,
    error: 'forbidden',
    eventName,
    message: `namespace: this token admits events of ${admitted} only, not of ${asked}; give each tenant its own token`,
  }
}

/** An unknown event name as the 202 repeats it: a long one is not echoed back. */
function shownName(eventName: string): string {
  return eventName.length > MAX_EVENT_NAME_CHARS ? `of ${eventName.length} characters` : eventName
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
