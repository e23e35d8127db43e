import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { describeIssues } from '../../src/shared/validation'

/** The error body of the platform's APIs: `{"errorCode": n, "errorMessage": "…"}`. */
export interface PlatformError {
  /** HTTP status of the answer. */
  status: number
  errorCode: number
  errorMessage: string
}

export const fail = (status: number, errorCode: number, errorMessage: string): PlatformError => ({
  status,
  errorCode,
  errorMessage,
})

/** A malformed request: HTTP 400, errorCode 400, the parameters named. */
export const badRequest = (error: z.ZodError): PlatformError =>
  fail(400, 400, describeIssues(error))

/**
 * Sends a platform error. The CDR gateway adds the `instanceId` of the service that
 * answered (seed 003 §4.5.4 shows `"instanceId": "query-xyzws"`); CSTA errors carry none.
 */
export function sendError(
  reply: FastifyReply,
  error: PlatformError,
  instanceId?: string,
): FastifyReply {
  const body: Record<string, unknown> = {
    errorCode: error.errorCode,
    errorMessage: error.errorMessage,
  }
  if (instanceId !== undefined) body.instanceId = instanceId
  return reply.code(error.status).send(body)
}

/** One header's value; Node joins repeats of most headers, but not of unknown ones. */
export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Body parsing as the platform's clients need it: JSON, even with an empty body (the CSTA
 * SDK sends `Content-Type: application/json` on DELETE and spy requests that carry none),
 * and form encoding (the TPI login, and token requests from clients that send forms).
 * Failures and unknown routes answer in the platform's error shape.
 */
export function installPlatformParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = (body as string).trim()
    if (text === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text) as unknown)
    } catch {
      done(Object.assign(new Error('(body): not valid JSON'), { statusCode: 400 }), undefined)
    }
  })
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  )
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    return sendError(reply, fail(status, status, error.message))
  })
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, fail(404, 404, `no such API: ${request.method} ${request.url.split('?')[0]}`)),
  )
}
