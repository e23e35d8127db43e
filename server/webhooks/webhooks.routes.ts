import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { describeIssues } from '@/shared/validation'
import { agentStateEventSchema, callEndEventSchema, webhookEnvelopeSchema } from '@/shared/webhooks'
import type { AgentsStore } from '../agents/agents.store'
import type { CallsStore } from '../calls/calls.store'
import { tokenMatches } from '../lib/secrets'
import type { FloorGateway } from '../realtime/floor.gateway'
import { countIgnored, type WebhookStats } from './webhook-stats'

/** Largest webhook body accepted, bytes; larger gets 413. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024

export interface WebhookDeps {
  webhookToken: string
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
 * the body, parse, validate, write, answer.
 */
export function webhookRoutes(deps: WebhookDeps) {
  const agentSchema = agentStateEventSchema(deps.timeZone)
  const callSchema = callEndEventSchema(deps.timeZone)

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

    app.addHook('onRequest', async (req, reply) => {
      const token = (req.query as Record<string, unknown>).token
      if (typeof token !== 'string' || !tokenMatches(token, deps.webhookToken)) {
        deps.stats.unauthorized += 1
        await reply.code(401).send({
          error: 'unauthorized',
          message: 'missing or wrong token: the callback URL must end in ?token=<WEBHOOK_TOKEN>',
        })
      }
    })

    app.setErrorHandler((err: FastifyError, req, reply) =>
      sendParseError(err, reply, deps.stats, req.log),
    )

    // The platform reads no security headers; computing them for every event costs throughput.
    // Public to the session check (the platform has no session): the token above admits it.
    const opts = { logLevel: 'warn', helmet: false, config: { public: true } } as const
    app.post('/webhooks/wellcloud', opts, async (req, reply) => {
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
      switch (eventName) {
        case 'agentStateEvent': {
          const parsed = agentSchema.safeParse(body.value)
          if (!parsed.success) return invalid(reply, deps.stats, describeIssues(parsed.error))
          deps.gateway.noteEvent(parsed.data.namespace, receivedAt)
          const { result, persisted } = deps.agents.apply(parsed.data, receivedAt)
          // Answered only once the event is committed: a crash after a 200 loses nothing.
          await persisted
          deps.stats[result] += 1
          return reply.code(200).send({ result })
        }
        case 'callEnd': {
          const parsed = callSchema.safeParse(body.value)
          if (!parsed.success) return invalid(reply, deps.stats, describeIssues(parsed.error))
          const e = parsed.data
          deps.gateway.noteEvent(e.namespace, receivedAt)
          const org = e.agentId
            ? (deps.agents.get(e.namespace, e.agentId)?.org.treePos ?? null)
            : null
          const { result, persisted } = deps.calls.ingest(e, body.raw, receivedAt, org)
          await persisted
          deps.stats[result] += 1
          return reply.code(200).send({ result })
        }
        default:
          countIgnored(deps.stats, eventName)
          return reply.code(202).send({
            result: 'ignored',
            message: `eventName ${eventName} is not used by this console`,
          })
      }
    })
  }
}

function invalid(reply: FastifyReply, stats: WebhookStats, message: string) {
  stats.invalid += 1
  return reply.code(400).send({ error: 'invalid_event', message })
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
      stats.tooLarge += 1
      return reply
        .code(413)
        .send({ error: 'too_large', message: `body over ${WEBHOOK_BODY_LIMIT} bytes` })
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
