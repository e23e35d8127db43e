import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { PHONE_PATTERN, PREFIX_PATTERN } from '../../src/shared/outbound'
import { describeIssues } from '../../src/shared/validation'
import type { CallCenter } from './call-center'
import type { ExpiringKeys } from './expiring-keys'
import { sendError } from './platform-http'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'

/** Whether the double-call service has a cms instance to place calls with (12008 when not). */
export interface CmsSwitch {
  up: boolean
}

export interface DoubleCallDeps {
  tokens: ExpiringKeys
  center: CallCenter
  namespace: string
  cms: CmsSwitch
}

// Seed 003 §6.5: the error codes of the double-call service.
const DEVICE_EMPTY = 14001
const DEST_EMPTY = 14002
const DEVICE_ILLEGAL = 14005
const NO_CMS = 12008
const BAD_REQUEST = 400

// The seed names neither the service instance nor the exception classes: ours, plausible.
const INSTANCE_ID = 'ext_default'
const BUSINESS_EXCEPTION = 'BusinessException'
const ILLEGAL_ARGUMENT = 'IllegalArgumentException'
const NO_INSTANCE_EXCEPTION = 'NoAvailableServiceInstanceException'

const EXTENSION = /^\d{1,20}$/
const USER_DATA_MAX_KEYS = 50

/** A §6.5 error: `{instanceId, errorCode, errorMessage, exceptionName}`. */
interface DoubleCallError {
  status: number
  errorCode: number
  errorMessage: string
  exceptionName: string
}

const refuse = (errorCode: number, errorMessage: string): DoubleCallError => ({
  status: BAD_REQUEST,
  errorCode,
  errorMessage,
  exceptionName: errorCode === BAD_REQUEST ? ILLEGAL_ARGUMENT : BUSINESS_EXCEPTION,
})

function sendDoubleCallError(reply: FastifyReply, e: DoubleCallError): FastifyReply {
  return reply.code(e.status).send({
    instanceId: INSTANCE_ID,
    errorCode: e.errorCode,
    errorMessage: e.errorMessage,
    exceptionName: e.exceptionName,
  })
}

const shortText = z.string().max(64)
const restSchema = z.object({
  prefix: z.string().regex(PREFIX_PATTERN, 'expected digits, * or #, at most 10 (may be empty)'),
  // "Map, json": values of any scalar kind, kept as text as the call's userData.
  userData: z
    .record(z.string().min(1).max(64), z.union([z.string().max(500), z.number(), z.boolean()]))
    .refine(
      (r) => Object.keys(r).length <= USER_DATA_MAX_KEYS,
      `at most ${USER_DATA_MAX_KEYS} keys`,
    )
    .optional(),
  options: z
    .object({
      bindPhone: shortText.optional(),
      displayOrigin: shortText.optional(),
      // The seed types it String ("true" / "false"); a JSON boolean is taken too.
      cpa: z.union([z.enum(['true', 'false']), z.boolean()]).optional(),
      displayDest: shortText.optional(),
    })
    .optional(),
})

type Checked =
  | { ok: true; device: string; customerPhone: string; rest: z.output<typeof restSchema> }
  | { ok: false; error: DoubleCallError }

/**
 * The checks of §6 in the platform's order: the device first (14001 empty, 14005 without the
 * tenant's domain or of another domain), then the customer's number (14002 empty), then the
 * rest of the body (400, naming the field).
 */
function check(body: unknown, namespace: string): Checked {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: refuse(BAD_REQUEST, '(body): expected a JSON object') }
  }
  const b = body as Record<string, unknown>
  const device = b.deviceId
  if (device === undefined || device === null || (typeof device === 'string' && !device.trim())) {
    return { ok: false, error: refuse(DEVICE_EMPTY, 'deviceId为空 (deviceId is empty)') }
  }
  const [number, domain, ...more] = typeof device === 'string' ? device.trim().split('@') : []
  if (!number || !EXTENSION.test(number) || domain !== namespace || more.length > 0) {
    return {
      ok: false,
      error: refuse(
        DEVICE_ILLEGAL,
        `deviceId不合法: ${(typeof device === 'string' ? device : JSON.stringify(device)).slice(0, 64)} (需包含域名，如 8001@${namespace}; ` +
          `expected an extension with the tenant's domain)`,
      ),
    }
  }
  const phone = b.customerPhone
  if (phone === undefined || phone === null || (typeof phone === 'string' && !phone.trim())) {
    return { ok: false, error: refuse(DEST_EMPTY, 'dest为空 (customerPhone is empty)') }
  }
  if (typeof phone !== 'string' || !PHONE_PATTERN.test(phone.trim())) {
    return {
      ok: false,
      error: refuse(
        BAD_REQUEST,
        'customerPhone: expected digits, an optional leading +, 3–20 long',
      ),
    }
  }
  const rest = restSchema.safeParse(b)
  if (!rest.success) return { ok: false, error: refuse(BAD_REQUEST, describeIssues(rest.error)) }
  return {
    ok: true,
    device: `${number}@${namespace}`,
    customerPhone: phone.trim(),
    rest: rest.data,
  }
}

/**
 * `POST /api/ext/v2/calls/uc` (seed 003 §6, 双呼): checked, then answered `{callId}` at once
 * while the call center rings the extension and then the customer. Errors in the §6.5 shape;
 * HTTP 400 for the checks, 503 for 12008 (no cms instance: `--cms-down`, or `POST /sim/cms`).
 */
export function registerDoubleCallRoutes(app: FastifyInstance, deps: DoubleCallDeps): void {
  app.post('/api/ext/v2/calls/uc', (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const checked = check(request.body, deps.namespace)
    if (!checked.ok) return sendDoubleCallError(reply, checked.error)
    if (!deps.cms.up) {
      return sendDoubleCallError(reply, {
        status: 503,
        errorCode: NO_CMS,
        errorMessage: 'cms没有可用的服务实例 (no cms instance is available)',
        exceptionName: NO_INSTANCE_EXCEPTION,
      })
    }
    const { rest } = checked
    const userData = Object.fromEntries(
      Object.entries(rest.userData ?? {}).map(([k, v]) => [k, String(v)]),
    )
    const call = deps.center.doubleCall({
      device: checked.device,
      prefix: rest.prefix,
      customerPhone: checked.customerPhone,
      userData,
      displayOrigin: rest.options?.displayOrigin ?? null,
    })
    return { callId: call.id }
  })

  /** The cms switch: `GET` reads it, `POST {"up": false}` makes every double call 12008. */
  app.get('/sim/cms', () => ({ up: deps.cms.up }))
  app.post('/sim/cms', (request, reply) => {
    const body = z.object({ up: z.boolean() }).safeParse(request.body)
    if (!body.success) return reply.code(400).send({ error: describeIssues(body.error) })
    deps.cms.up = body.data.up
    return { up: deps.cms.up }
  })
}
