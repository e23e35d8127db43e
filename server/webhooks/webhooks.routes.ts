import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody } from '@/shared/errors'
import { WEBHOOK_PATH } from '@/shared/webhook-tokens'
import type { FloorGateway } from '../realtime/floor.gateway'
import type { WebhookCapture } from './capture.store'
import type { WebhookQuarantine } from './quarantine.store'
import { answerOf, countOutcome, type Ingest, keptName } from './webhook-ingest'
import type { WebhookStats } from './webhook-stats'
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
  now: () => number
  /** Parse, validate and apply one body (shared with the quarantine's replay). */
  ingest: Ingest
  gateway: FloorGateway
  stats: WebhookStats
  /** Where bodies that cannot be applied are kept. */
  quarantine: WebhookQuarantine
  /** Field diagnostics: every admitted body, when WEBHOOK_CAPTURE is on; null when off. */
  capture: WebhookCapture | null
}

/**
 * `POST /webhooks/wellcloud?token=…`: one platform event per request. The platform waits for
 * the answer, so everything here is synchronous and bounded: check the token before reading
 * the body, then ingest it (parse, validate, check the event is for the token's tenant,
 * write), answer. Nothing sent with a valid token is dropped without a trace: a body that
 * cannot be applied is answered 400 (or 413) and kept in the quarantine, committed first.
 */
export function webhookRoutes(deps: WebhookDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // Whatever the Content-Type (platforms differ), the body is read as text; the ingest reads
    // it as JSON, and keeps it as sent when it cannot be applied.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => done(null, body),
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
        } satisfies ErrorBody)
        return
      }
      req.webhookAdmission = admission
    })

    // The platform is answered its own way (and the body kept), not by the relay's root handler.
    app.setErrorHandler((err: FastifyError, req, reply) => sendError(err, req, reply, deps))

    // The platform reads no security headers; computing them for every event costs throughput.
    // Public to the session check (the platform has no session): the token above admits it.
    // Not counted by the API's request limit either (it only limits /api/ paths): without it,
    // its hook would still work out a client key for every event before letting it through.
    const opts = {
      logLevel: 'warn',
      helmet: false,
      config: { public: true, rateLimit: false },
    } as const
    app.post(WEBHOOK_PATH, opts, async (req, reply) => {
      const raw = typeof req.body === 'string' ? req.body : ''
      const admitted = req.webhookAdmission!.namespace
      const receivedAt = deps.now()
      const outcome = await deps.ingest(raw, admitted, receivedAt)
      countOutcome(deps.stats, outcome)
      if (outcome.status === 200) deps.gateway.noteEvent(outcome.namespace, receivedAt)
      if ((outcome.status === 400 || outcome.status === 413) && raw !== '') {
        // Kept before the answer: the platform never sends this event again.
        await deps.quarantine.keep({
          namespace: admitted,
          receivedAt,
          eventName: keptName(outcome.eventName),
          status: outcome.status,
          reason: outcome.message,
          body: raw,
          bytes: Buffer.byteLength(raw),
          bodyKept: true,
        })
      }
      deps.capture?.record(captured(admitted, receivedAt, outcome.status, raw))
      return reply.code(outcome.status).send(answerOf(outcome))
    })
  }
}

function captured(namespace: string, receivedAt: number, status: number, body: string) {
  return { namespace, receivedAt, status, body, bytes: Buffer.byteLength(body), bodyKept: true }
}

/**
 * What the body parser or a write refused. A body over the limit is not read: its trace (time,
 * announced length, reason) is kept in the quarantine, without the body.
 */
async function sendError(
  err: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
  deps: WebhookDeps,
) {
  const admitted = req.webhookAdmission?.namespace ?? null
  const receivedAt = deps.now()
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    deps.stats.tooLarge += 1
    const message = `(body): over ${WEBHOOK_BODY_LIMIT} bytes`
    if (admitted !== null) {
      const announced = Number(req.headers['content-length'])
      const bytes = Number.isSafeInteger(announced) && announced > 0 ? announced : null
      try {
        await deps.quarantine.keep({
          namespace: admitted,
          receivedAt,
          eventName: null,
          status: 413,
          reason: message,
          body: '',
          bytes,
          bodyKept: false,
        })
      } catch (keepErr) {
        req.log.error({ err: keepErr }, 'the trace of a webhook too large could not be stored')
      }
      deps.capture?.record({
        namespace: admitted,
        receivedAt,
        status: 413,
        body: '',
        bytes,
        bodyKept: false,
      })
    }
    return reply.code(413).send({ error: 'too_large', message } satisfies ErrorBody)
  }
  const body = typeof req.body === 'string' ? req.body : ''
  if (err.statusCode !== undefined && err.statusCode < 500) {
    deps.stats.invalid += 1
    if (admitted !== null)
      deps.capture?.record(captured(admitted, receivedAt, err.statusCode, body))
    return reply
      .code(err.statusCode)
      .send({ error: 'invalid_event', message: `(body): ${err.message}` } satisfies ErrorBody)
  }
  // Storage failed: answer 500 so the platform sends the event again later.
  req.log.error({ err }, 'webhook could not be stored')
  if (admitted !== null) deps.capture?.record(captured(admitted, receivedAt, 500, body))
  return reply.code(500).send({
    error: 'internal',
    message: 'the event could not be stored; send it again',
  } satisfies ErrorBody)
}
