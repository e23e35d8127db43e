import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ExpiringKeys } from './expiring-keys'
import { badRequest, fail, header, sendError } from './platform-http'

export interface TokenCredentials {
  appId: string
  appSecret: string
  apiKey: string
}

const applySchema = z.object({
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  apiKey: z.string().min(1),
})

/** The header every CDR and recording API takes the access token in (seed 003 §3). */
export const TOKEN_HEADER = 'wellcloud_token'

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

// Requests whose access token was refused, so that `--token-error-in-body` can turn exactly
// those 401s (not a CSTA session's, not a wrong app secret's) into HTTP 200.
const refusedTokens = new WeakSet<FastifyRequest>()

/** Whether the request carries a live access token. */
export function hasLiveToken(request: FastifyRequest, tokens: ExpiringKeys): boolean {
  const live = tokens.isLive(header(request, TOKEN_HEADER))
  if (!live) refusedTokens.add(request)
  return live
}

export const TOKEN_REJECTED = fail(
  401,
  401,
  `missing, unknown or expired ${TOKEN_HEADER}: apply for a new access token`,
)

/**
 * `POST /accesstoken/apply` (seed 003 §3). The seed shows neither the encoding nor the
 * answer: we take JSON or a form (or, failing both, the query string), and answer
 * `{"accessToken": "…", "expiresIn": <seconds>}`.
 *
 * With `errorInBody` (`--token-error-in-body`) a refused token is answered HTTP 200 with
 * `{"errorCode": 401, …}`: the seed lists 401 among the business codes that come in the
 * body (§4.1.5, §4.5.5), so a gateway may well say it that way.
 */
export function registerTokenRoutes(
  app: FastifyInstance,
  deps: { credentials: TokenCredentials; tokens: ExpiringKeys; errorInBody: boolean },
): void {
  if (deps.errorInBody) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode === 401 && refusedTokens.has(request)) void reply.code(200)
      return payload
    })
  }
  app.post('/accesstoken/apply', (request, reply) => {
    const body = request.body ?? request.query
    const parsed = applySchema.safeParse(body)
    if (!parsed.success) return sendError(reply, badRequest(parsed.error))
    const given = parsed.data
    const expected = deps.credentials
    const ok =
      sameSecret(given.appId, expected.appId) &&
      sameSecret(given.appSecret, expected.appSecret) &&
      sameSecret(given.apiKey, expected.apiKey)
    if (!ok) return sendError(reply, fail(401, 401, 'appId, appSecret or apiKey is wrong'))
    const { key, expiresInSec } = deps.tokens.issue()
    return { accessToken: key, expiresIn: expiresInSec }
  })
}
