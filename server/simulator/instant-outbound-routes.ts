import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { PHONE_PATTERN } from '../../src/shared/outbound'
import type { CallCenter } from './call-center'
import type { ExpiringKeys } from './expiring-keys'
import { badRequest, sendError } from './platform-http'
import { ROBOT_CAMPAIGNS } from './robot-calls'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'

export interface InstantOutboundDeps {
  tokens: ExpiringKeys
  center: CallCenter
  namespace: string
  /** The tenant id requests must name (`--tenant-id`). */
  tenantId: string
}

const DATA_MAX_KEYS = 50
// A bare extension (`8001`), as force operations read a supervisor's number: 3 to 6 digits.
const BARE_EXTENSION = /^\d{3,6}$/
const EXTENSION_WITH_DOMAIN = /^(\d{1,20})@([A-Za-z0-9.-]{1,100})$/

const required = (max: number) => z.string().trim().min(1).max(max)

// Seed 003 §5.1.1: every field but `id` is required, `data` a map (随路数据).
const instantSchema = z.object({
  activityId: required(64),
  callee: required(32),
  caller: required(128),
  data: z
    .record(
      z.string().min(1).max(64),
      z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
    )
    .refine((r) => Object.keys(r).length <= DATA_MAX_KEYS, `at most ${DATA_MAX_KEYS} keys`),
  domain: required(100),
  id: z.string().max(64).nullish(),
  rosterId: required(64),
  tenantId: required(64),
})

/** The business answer of §5.1.2. */
const failed = (reason: string) => ({ result: 'fail', reason })

/**
 * `POST /api/ocm/instant/smart` (seed 003 §5.1, 即时自动外呼). A body missing a required field
 * (or of the wrong type) is HTTP 400 `{errorCode: 400, errorMessage}` naming it. Otherwise the
 * answer is HTTP 200 `{result, reason}`: `fail` with the reason in the words below when the
 * tenant, domain, campaign or a number is wrong; `success` (reason null) when the call is
 * placed. The call is dialled at once: the customer first, then `caller` (see the call center).
 */
export function registerInstantOutboundRoutes(
  app: FastifyInstance,
  deps: InstantOutboundDeps,
): void {
  const { namespace } = deps

  /** `caller` as the platform dials it: an extension with its domain, or an outside number. */
  const destination = (caller: string): string | null => {
    if (BARE_EXTENSION.test(caller)) return `${caller}@${namespace}`
    const ext = EXTENSION_WITH_DOMAIN.exec(caller)
    if (ext) return ext[2] === namespace ? caller : null
    return PHONE_PATTERN.test(caller) ? caller : null
  }

  app.post('/api/ocm/instant/smart', (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const parsed = instantSchema.safeParse(request.body)
    if (!parsed.success) return sendError(reply, badRequest(parsed.error))
    const b = parsed.data
    if (b.tenantId !== deps.tenantId) return failed(`租户不存在 (no such tenant): ${b.tenantId}`)
    if (b.domain !== namespace) {
      return failed(`域名与租户不符 (the domain is not the tenant's): ${b.domain}`)
    }
    const campaign = ROBOT_CAMPAIGNS[b.activityId]
    if (!campaign) return failed(`活动不存在 (no such campaign): ${b.activityId}`)
    if (!PHONE_PATTERN.test(b.callee)) {
      return failed(`被叫号码不合法 (the number to call is not a phone number): ${b.callee}`)
    }
    const caller = destination(b.caller)
    if (caller === null) {
      return failed(
        `转接号码不合法 (caller is neither an extension of ${namespace} nor a phone number): ${b.caller}`,
      )
    }
    const data = Object.fromEntries(
      Object.entries(b.data).map(([k, v]) => [k, v === null ? '' : String(v)]),
    )
    deps.center.instantOutbound({
      callee: b.callee,
      caller,
      data,
      campaignInfo: {
        campaignId: b.activityId,
        campaignName: campaign.name,
        groupCampaignId: campaign.groupCampaignId,
        rosterId: b.rosterId,
        ...(b.id ? { id: b.id } : {}),
      },
    })
    return { result: 'success', reason: null }
  })
}
