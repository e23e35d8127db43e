import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody, ErrorCode } from '@/shared/errors'
import { HttpError } from '../lib/http-error'

/** What an unexpected failure answers: nothing of its cause, which is in the relay's log. */
export const INTERNAL_MESSAGE = 'the relay failed to answer this request; try again'

// Fastify's own refusals (body parser, router, plugins) by status, in the API's codes.
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

/**
 * The relay's one error handler: every error a route or hook throws is answered with the
 * shape of `ErrorBody`. A refusal (`HttpError`) keeps its status, code, message and fields;
 * one of Fastify's (a malformed JSON body, a body over the limit) its status and message;
 * anything else is a 500 (or the 5xx it carries) that is logged and says nothing of its cause.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError)
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  // A deliberate answer (a 502 included: the platform's refusal, already worded): not logged.
  if (err instanceof HttpError) {
    return reply.code(err.statusCode).headers(err.headers).send(err.body())
  }
  const status = statusOf(err)
  if (status !== null && status < 500) {
    const e = err as FastifyError
    req.log.info({ code: e.code }, e.message)
    const body: ErrorBody = {
      error: CODE_OF_STATUS[status] ?? 'invalid_request',
      message: e.message,
    }
    return reply.code(status).send(body)
  }
  req.log.error({ err }, 'request failed')
  const body: ErrorBody = { error: 'internal', message: INTERNAL_MESSAGE }
  return reply.code(status ?? 500).send(body)
}

/** The 4xx or 5xx status an error of Fastify or a plugin carries; null for any other error. */
function statusOf(err: unknown): number | null {
  if (!(err instanceof Error)) return null
  const status = (err as FastifyError).statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null
}
