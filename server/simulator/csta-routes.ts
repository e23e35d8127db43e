import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { CstaLog } from './csta-log'
import type { ExpiringKeys } from './expiring-keys'
import type { ForceOperations, ForceResult } from './force-operations'
import { badRequest, fail, header, type PlatformError, sendError } from './platform-http'
import { sameSecret } from './token-routes'

export interface CstaDeps {
  namespace: string
  /** Status (and errorCode) of a call whose session is gone: 401, or 426 as the SDK knows it. */
  sessionExpiryCode: 401 | 426
  username: string
  password: string
  sessions: ExpiringKeys
  operations: ForceOperations
  log: CstaLog
}

/** Where deployments put the TPI login (`WELLCLOUD_CSTA_LOGIN_URL`). */
export const TPI_LOGIN_PATHS = ['/api/security/login', '/login', '/loginTrusted'] as const
const CALLS = '/api/csta/callControl/calls/:callId'
const CONNECTION = `${CALLS}/connections/:connectionId`

const loginSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  namespace: z.string().min(1),
})

const id = z.string().trim().min(1)

const callParams = z.object({ callId: id })
/** `{deviceId}|{callId}`; the router has already decoded `%7C`. */
const connectionParams = z.object({ callId: id, connectionId: z.string() }).transform((p, ctx) => {
  const bar = p.connectionId.lastIndexOf('|')
  const deviceId = p.connectionId.slice(0, bar)
  const callId = p.connectionId.slice(bar + 1)
  if (bar <= 0 || callId !== p.callId) {
    ctx.addIssue({
      code: 'custom',
      path: ['connectionId'],
      message: `expected {deviceId}|${p.callId}`,
    })
    return z.NEVER
  }
  return { callId, deviceId }
})

const conferenceBody = z.object({
  conferenceParticipant: id,
  participationType: z.enum(['Active', 'Silent']).default('Active'),
})
const transferBody = z.object({ transferTo: id })
const spyQuery = z.object({ deviceId: id })

const agentFields = {
  agentId: id,
  loginId: id.optional(),
  device: id,
}
const agentStateBody = z
  .discriminatedUnion('func', [
    z.object({
      func: z.literal('SetState'),
      agentMode: z.enum(['Ready', 'NotReady']),
      ...agentFields,
    }),
    z.object({ func: z.literal('Logout'), namespace: id.optional(), ...agentFields }),
  ])
  .refine((b) => b.loginId === undefined || b.loginId === b.agentId, {
    path: ['loginId'],
    message: 'expected the same id as agentId',
  })

const sessionRejected = (code: 401 | 426) =>
  fail(
    code,
    code,
    code === 426
      ? 'get AccessToken failed: the sessionId is missing, unknown or expired; log in again'
      : 'missing, unknown or expired sessionId: log in again',
  )

/**
 * A device id without its domain (`8001`): the platform wants `8001@test.cc` (seed 000's
 * examples; seed 003 §6's 14005 "deviceId不合法 … 检查deviceId书写格式是否包含域名"). The CSTA
 * calls answer with the SDK's 453, illegal extension, worded as 14005 is.
 */
function bareDevice(field: string, deviceId: string): PlatformError | null {
  const at = deviceId.indexOf('@')
  if (at > 0 && at < deviceId.length - 1) return null
  return fail(
    453,
    453,
    `illegal extension: ${field} ${deviceId} carries no domain (deviceId不合法，须包含域名，如 8001@test.cc)`,
  )
}

/**
 * The TPI login and the CSTA calls behind wellClient's force operations (seed 000; the
 * REST calls the SDK 4.2.x makes). Every CSTA call needs the `sessionId` of a live login
 * (else 401, or 426 with `--session-expiry-code 426`) and device ids with their domain.
 * Success is 204 with no body; a refusal is the status the SDK documents, with
 * `{"errorCode": n, "errorMessage": "…"}`.
 */
export async function cstaRoutes(app: FastifyInstance, deps: CstaDeps): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined
    deps.log.add({
      at: new Date().toISOString(),
      method: request.method,
      url: request.url,
      sessionId: header(request, 'sessionId') !== undefined,
      body: body && 'password' in body ? { ...body, password: '***' } : body,
      status: reply.statusCode,
    })
  })

  for (const path of TPI_LOGIN_PATHS) {
    app.post(path, (request, reply) => {
      const parsed = loginSchema.safeParse(request.body ?? {})
      if (!parsed.success) return sendError(reply, badRequest(parsed.error))
      const { username, password, namespace } = parsed.data
      const ok =
        sameSecret(username, deps.username) &&
        sameSecret(password, deps.password) &&
        namespace === deps.namespace
      if (!ok) return sendError(reply, fail(401, 401, 'wrong username, password or namespace'))
      return { sessionId: deps.sessions.issue().key }
    })
  }

  // Checked after the body is parsed, so the log shows what a refused request carried.
  app.register(async (csta) => {
    csta.addHook('preHandler', async (request, reply) => {
      if (!deps.sessions.isLive(header(request, 'sessionId'))) {
        return sendError(reply, sessionRejected(deps.sessionExpiryCode))
      }
    })
    const ops = deps.operations

    csta.delete(CONNECTION, (request, reply) => {
      const params = connectionParams.safeParse(request.params)
      if (!params.success) return sendError(reply, badRequest(params.error))
      const bare = bareDevice('deviceId', params.data.deviceId)
      if (bare) return sendError(reply, bare)
      return done(reply, ops.drop(params.data.callId, params.data.deviceId))
    })

    csta.post(`${CONNECTION}/singleStepConference`, (request, reply) => {
      const params = connectionParams.safeParse(request.params)
      if (!params.success) return sendError(reply, badRequest(params.error))
      const body = conferenceBody.safeParse(request.body ?? {})
      if (!body.success) return sendError(reply, badRequest(body.error))
      const { callId, deviceId } = params.data
      const bare = bareDevice('deviceId', deviceId)
      if (bare) return sendError(reply, bare)
      return done(reply, ops.join(callId, deviceId, body.data.conferenceParticipant))
    })

    csta.post(`${CONNECTION}/singleStepTransfer`, (request, reply) => {
      const params = connectionParams.safeParse(request.params)
      if (!params.success) return sendError(reply, badRequest(params.error))
      const body = transferBody.safeParse(request.body ?? {})
      if (!body.success) return sendError(reply, badRequest(body.error))
      const { callId, deviceId } = params.data
      const bare = bareDevice('deviceId', deviceId)
      if (bare) return sendError(reply, bare)
      return done(reply, ops.take(callId, deviceId, body.data.transferTo))
    })

    csta.post(`${CALLS}/spy`, (request, reply) => {
      const params = callParams.safeParse(request.params)
      if (!params.success) return sendError(reply, badRequest(params.error))
      const query = spyQuery.safeParse(request.query)
      if (!query.success) return sendError(reply, badRequest(query.error))
      const bare = bareDevice('deviceId', query.data.deviceId)
      if (bare) return sendError(reply, bare)
      return done(reply, ops.listen(params.data.callId, query.data.deviceId))
    })

    csta.post('/api/csta/agent/state', (request, reply) => {
      const body = agentStateBody.safeParse(request.body ?? {})
      if (!body.success) return sendError(reply, badRequest(body.error))
      const b = body.data
      const bare = bareDevice('device', b.device)
      if (bare) return sendError(reply, bare)
      const result =
        b.func === 'SetState'
          ? ops.setState(b.agentId, b.device, b.agentMode)
          : ops.logout(b.agentId, b.device, b.namespace)
      return done(reply, result)
    })
  })
}

function done(reply: FastifyReply, result: ForceResult): FastifyReply {
  return result === null ? reply.code(204).send() : sendError(reply, result)
}
