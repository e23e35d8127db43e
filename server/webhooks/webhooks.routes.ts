import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { describeIssues } from '@/shared/validation'
import { WEBHOOK_PATH } from '@/shared/webhook-tokens'
import {
  agentStateEventSchema,
  callEndEventSchema,
  MAX_AGENT_EVENT_BYTES,
  webhookEnvelopeSchema,
} from '@/shared/webhooks'
import type { AgentsStore } from '../agents/agents.store'
import type { CallsStore } from '../calls/calls.store'
import type { FloorGateway } from '../realtime/floor.gateway'
import { countIgnored, MAX_EVENT_NAME_CHARS, type WebhookStats } from './webhook-stats'
import type { Admission, WebhookTokens } from './webhook-tokens.store'

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant the webhook token admits; set before the body is read. */
    webhookAdmission: Admission | null
  }
}

/** Largest webhook body accepted, bytes; larger gets 413. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024

export interface WebhookDeps {
  /** Which tenant each token admits. */
  tokens: WebhookTokens
  timeZone: string
  now: () => number
  agents: AgentsStore
  calls: CallsStore
  gateway: FloorGateway
  stats: WebhookStats
}

interface ParsedBody {
  /** The body exactly as sent, stored with the call. */
  raw: string
  value: unknown
}

/**
 * `POST /webhooks/wellcloud?token=…`: one platform event per request. The platform waits for
 * the answer, so everything here is synchronous and bounded: check the token before reading
 * the body, parse, validate, check the event is for the token's tenant, write, answer.
 */
export function webhookRoutes(deps: WebhookDeps) {
  const agentSchema = agentStateEventSchema(deps.timeZone, deps.now)
  const callSchema = callEndEventSchema(deps.timeZone, deps.now)

  return async function plugin(app: FastifyInstance): Promise<void> {
    // Whatever the Content-Type (platforms differ), the body must be JSON. Prototype keys
    // are removed rather than refused, so an odd customer field cannot lose a call.
    const json = app.getDefaultJsonParser('remove', 'remove')
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
      (req, body, done) => {
        void json(req, body as string, (err, value) => {
          if (err) done(err, undefined)
          else done(null, { raw: body as string, value } satisfies ParsedBody)
        })
      },
    )

    app.decorateRequest('webhookAdmission', null)
    app.addHook('onRequest', async (req, reply) => {
      const token = (req.query as Record<string, unknown>).token
      const admission = typeof token === 'string' ? deps.tokens.admit(token, deps.now()) : null
      if (!admission) {
        deps.stats.unauthorized += 1
        await reply.code(401).send({
          error: 'unauthorized',
          message: 'missing or wrong token: the callback URL must end in ?token=<WEBHOOK_TOKEN>',
        })
        return
      }
      req.webhookAdmission = admission
    })

    app.setErrorHandler((err: FastifyError, req, reply) =>
      sendParseError(err, reply, deps.stats, req.log),
    )

    // The platform reads no security headers; computing them for every event costs throughput.
    // Public to the session check (the platform has no session): the token above admits it.
    const opts = { logLevel: 'warn', helmet: false, config: { public: true } } as const
    app.post(WEBHOOK_PATH, opts, async (req, reply) => {
      const body = req.body as ParsedBody | undefined
      if (!body) {
        deps.stats.invalid += 1
        return reply
          .code(400)
          .send({ error: 'invalid_event', message: '(body): empty; expected one JSON event' })
      }
      const envelope = webhookEnvelopeSchema.safeParse(body.value)
      if (!envelope.success) {
        deps.stats.invalid += 1
        const message = isPlainObject(body.value)
          ? describeIssues(envelope.error)
          : '(body): expected one JSON object with an eventName'
        return reply.code(400).send({ error: 'invalid_event', message })
      }
      const receivedAt = deps.now()
      const eventName = envelope.data.eventName
      const admitted = req.webhookAdmission!.namespace
      switch (eventName) {
        case 'agentStateEvent': {
          if (Buffer.byteLength(body.raw) > MAX_AGENT_EVENT_BYTES) {
            return tooLarge(
              reply,
              deps.stats,
              `(body): an agentStateEvent may be at most ${MAX_AGENT_EVENT_BYTES} bytes`,
            )
          }
          const parsed = agentSchema.safeParse(body.value)
          if (!parsed.success) return invalid(reply, deps.stats, describeIssues(parsed.error))
          if (parsed.data.namespace !== admitted) {
            return forbidden(reply, deps.stats, admitted, parsed.data.namespace)
          }
          deps.gateway.noteEvent(parsed.data.namespace, receivedAt)
          const { result, persisted } = deps.agents.apply(parsed.data)
          // Answered only once the event is committed: a crash after a 200 loses nothing.
          await persisted
          deps.stats[result] += 1
          return reply.code(200).send({ result })
        }
        case 'callEnd': {
          const parsed = callSchema.safeParse(body.value)
          if (!parsed.success) return invalid(reply, deps.stats, describeIssues(parsed.error))
          const e = parsed.data
          if (e.namespace !== admitted) return forbidden(reply, deps.stats, admitted, e.namespace)
          deps.gateway.noteEvent(e.namespace, receivedAt)
          const org = e.agentId
            ? (deps.agents.get(e.namespace, e.agentId)?.org.treePos ?? null)
            : null
          const { result, persisted } = deps.calls.ingest(e, receivedAt, org)
          await persisted
          deps.stats[result] += 1
          return reply.code(200).send({ result })
        }
        default:
          countIgnored(deps.stats, eventName)
          return reply.code(202).send({
            result: 'ignored',
            message: `eventName ${shownName(eventName)} is not used by this console`,
          })
      }
    })
  }
}

function invalid(reply: FastifyReply, stats: WebhookStats, message: string) {
  stats.invalid += 1
  return reply.code(400).send({ error: 'invalid_event', message })
}

/** A known token, but the event is another tenant's: it would write that tenant's floor. */
function forbidden(reply: FastifyReply, stats: WebhookStats, admitted: string, asked: string) {
  stats.forbidden += 1
  return reply.code(403).send({
    error: 'forbidden',
    message: `namespace: this token admits events of ${admitted} only, not of ${asked}; give each tenant its own token`,
  })
}

function tooLarge(reply: FastifyReply, stats: WebhookStats, message: string) {
  stats.tooLarge += 1
  return reply.code(413).send({ error: 'too_large', message })
}

/** An unknown event name as the 202 repeats it: a long one is not echoed back. */
function shownName(eventName: string): string {
  return eventName.length > MAX_EVENT_NAME_CHARS ? `of ${eventName.length} characters` : eventName
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function sendParseError(
  err: FastifyError,
  reply: FastifyReply,
  stats: WebhookStats,
  log: { error: (obj: object, msg: string) => void },
) {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge(reply, stats, `(body): over ${WEBHOOK_BODY_LIMIT} bytes`)
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      stats.invalid += 1
      return reply
        .code(400)
        .send({ error: 'invalid_event', message: '(body): empty; expected one JSON event' })
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      stats.invalid += 1
      return reply
        .code(400)
        .send({ error: 'invalid_event', message: `(body): not valid JSON (${err.message})` })
    default:
      if (err.statusCode !== undefined && err.statusCode < 500) {
        stats.invalid += 1
        return reply
          .code(err.statusCode)
          .send({ error: 'invalid_event', message: `(body): ${err.message}` })
      }
      // Storage failed: answer 500 so the platform sends the event again later.
      log.error({ err }, 'webhook could not be stored')
      return reply
        .code(500)
        .send({ error: 'internal', message: 'the event could not be stored; send it again' })
  }
}
