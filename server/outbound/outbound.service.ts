import * as z from 'zod/mini'
import type { Bilingual, OutboundOp } from '@/shared/actions'
import { can } from '@/shared/auth'
import type { ErrorBody, ErrorCode } from '@/shared/errors'
import {
  checkRoster,
  type DoubleCallAnswer,
  doubleCallBodySchema,
  dropDuplicateLines,
  type InstantOutboundAnswer,
  instantOutboundAnswerSchema,
  instantOutboundBodySchema,
  type OutboundSettings,
  ROSTER_BAD_LINES_MAX,
  ROSTER_EXTENSIONS,
  type RosterRefusal,
  type RosterUpload,
  rosterUploadQuerySchema,
} from '@/shared/outbound'
import type { UpstreamMessage } from '@/shared/upstream-messages'
import type { AuditRepo } from '../actions/audit.repo'
import type { AgentsStore } from '../agents/agents.store'
import type { Principal } from '../auth/auth.service'
import { withDomain } from '../csta/device-id'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { PlatformClient, PlatformFailure } from '../platform/platform.client'
import type { FailureAnswer } from '../platform/platform-messages'
import { audienceOf } from '../realtime/audience'
import {
  DOUBLE_CALL_MALFORMED,
  doubleCallFailure,
  INSTANT_MALFORMED,
  instantFailure,
  instantRefused,
  ROSTER_MALFORMED,
  rosterFailure,
} from './outbound-messages'
import type { OutboundRepo } from './outbound.repo'

/** The platform's paths (seed 003 §6, §5.1, §5.2). */
export const DOUBLE_CALL_PATH = '/api/ext/v2/calls/uc'
export const INSTANT_PATH = '/api/ocm/instant/smart'
export const ROSTER_PATH = '/api/ros/2.0/batches'

export interface OutboundDeps {
  platform: Pick<PlatformClient, 'postJson' | 'postMultipart'>
  agents: Pick<AgentsStore, 'list'>
  audit: AuditRepo
  repo: OutboundRepo
  now: () => number
  /** Prefix of call backs while the tenant's admin has set none (WELLCLOUD_OUTBOUND_PREFIX). */
  defaultPrefix: string
  /** Tenant id of instant calls that name none (WELLCLOUD_TENANT_ID). */
  tenantId: string | null
  /** Told of every call back the platform placed (the abandoned callers list follows them). */
  onCallBack?: (namespace: string, customerPhone: string, callId: string, username: string) => void
}

/** A call list as the browser sent it. */
export interface RosterFile {
  fileName: string
  bytes: Uint8Array
}

/** What the audit entry of one request says; filled in as the request is understood. */
interface Draft {
  op: OutboundOp
  agentId: string
  deviceId: string | null
  callId: string | null
  reason: string | null
  /** Whether the request went to the platform (a failure then is the platform's). */
  sentAt: number | null
  upstreamStatus: number | null
}

// Audited texts are bounded: a stranger's body does not fill the log.
const AUDIT_TEXT_MAX = 200

// The platform's answer of a double call: `{callId}` (§6.2), or inside `data` as its other
// services answer.
const doubleCallUpstreamSchema = z.union([
  z.object({ callId: z.string().check(z.minLength(1)) }),
  z.object({ data: z.object({ callId: z.string().check(z.minLength(1)) }) }),
])

// §5.2.3: `{data: {alias, batchId, batchName}, hasData: false}`.
const rosterUpstreamSchema = z.object({
  data: z.object({
    batchId: z.string().check(z.minLength(1)),
    batchName: z.string(),
    alias: z.optional(z.nullable(z.string())),
  }),
})

/**
 * Call backs (double calls), instant outbound calls and call lists: checks who asks and what
 * before anything goes to the platform, sends exactly the seed's request, words the platform's
 * refusals, and writes every request and its outcome (refusals too) to the audit log before
 * the answer.
 */
export class OutboundService {
  constructor(private readonly d: OutboundDeps) {}

  async settings(namespace: string): Promise<OutboundSettings> {
    return (await this.d.repo.settings(namespace)) ?? { prefix: this.d.defaultPrefix }
  }

  recentActivities(userId: number): Promise<string[]> {
    return this.d.repo.recentActivities(userId)
  }

  /** `POST /api/double-calls`: the platform rings `deviceId`, then the customer. */
  async doubleCall(p: Principal, raw: unknown): Promise<DoubleCallAnswer> {
    const draft = this.draft('call-back', textField(raw, 'customerPhone'))
    return this.audited(p, draft, async () => {
      const body = parseWith(doubleCallBodySchema, raw)
      draft.agentId = body.customerPhone
      draft.reason = body.forCallId ?? null
      const namespace = p.scope.namespace
      const deviceId = this.deviceToRing(p, body.deviceId)
      draft.deviceId = deviceId
      const prefix = body.prefix ?? (await this.settings(namespace)).prefix
      const { options } = body
      const upstream = {
        deviceId,
        prefix,
        customerPhone: body.customerPhone,
        ...(body.userData ? { userData: body.userData } : {}),
        ...(options
          ? {
              options: {
                ...(options.displayOrigin ? { displayOrigin: options.displayOrigin } : {}),
                ...(options.bindPhone ? { bindPhone: options.bindPhone } : {}),
                // The seed's cpa is a string: "true" or "false".
                ...(options.cpa !== undefined ? { cpa: String(options.cpa) } : {}),
              },
            }
          : {}),
      }
      draft.sentAt = this.d.now()
      const res = await this.d.platform.postJson(DOUBLE_CALL_PATH, upstream)
      if (!res.ok) throw failed(draft, res, doubleCallFailure(res))
      const answer = doubleCallUpstreamSchema.safeParse(res.data)
      if (!answer.success) throw malformed(DOUBLE_CALL_MALFORMED)
      const callId = 'callId' in answer.data ? answer.data.callId : answer.data.data.callId
      draft.callId = callId
      try {
        this.d.onCallBack?.(namespace, body.customerPhone, callId, p.username)
      } catch {
        // The call is placed whatever the list makes of it: the answer and the audit say so.
      }
      return { callId, deviceId, prefix }
    })
  }

  /** `POST /api/outbound/instant`: the platform dials `callee` and hands the call to `caller`. */
  async instant(p: Principal, raw: unknown): Promise<InstantOutboundAnswer> {
    const draft = this.draft('instant-outbound', textField(raw, 'callee'))
    return this.audited(p, draft, async () => {
      const body = parseWith(instantOutboundBodySchema, raw)
      const namespace = p.scope.namespace
      draft.agentId = body.callee
      draft.deviceId = body.caller
      draft.reason = `activityId=${body.activityId}; rosterId=${body.rosterId}`
      if (body.caller.includes('@')) sameDomain(body.caller, namespace, 'caller')
      const tenantId = body.tenantId ?? this.d.tenantId
      if (!tenantId) {
        throw refuse(
          409,
          'not_configured',
          {
            zh: '没有租户 id：请在请求中填写 tenantId，或由管理员设置 WELLCLOUD_TENANT_ID',
            en: 'no tenant id: name tenantId in the request, or have WELLCLOUD_TENANT_ID set',
          },
          { setting: 'WELLCLOUD_TENANT_ID' },
        )
      }
      const upstream = {
        activityId: body.activityId,
        callee: body.callee,
        caller: body.caller,
        data: body.data ?? {},
        // Always the user's own tenant: a request cannot place calls for another.
        domain: namespace,
        ...(body.id ? { id: body.id } : {}),
        rosterId: body.rosterId,
        tenantId,
      }
      draft.sentAt = this.d.now()
      const res = await this.d.platform.postJson(INSTANT_PATH, upstream)
      if (!res.ok) throw failed(draft, res, instantFailure(res))
      const answer = instantOutboundAnswerSchema.safeParse(res.data)
      if (!answer.success) throw malformed(INSTANT_MALFORMED)
      const { result, reason } = answer.data
      if (result.trim().toLowerCase() !== 'success') {
        const refused = instantRefused(result, reason)
        throw HttpError.of(refused.status, { ...asBody(refused), result, reason } as ErrorBody)
      }
      if (p.kind === 'user') await this.d.repo.rememberActivity(p.id, body.activityId, this.d.now())
      return { result, reason }
    })
  }

  /**
   * `POST /api/outbound/rosters`: checks the call list line by line, then sends it as it came
   * (or without its repeated numbers, when asked). `read` reads the upload; it is called only
   * once the role is checked.
   */
  async uploadRoster(
    p: Principal,
    rawQuery: unknown,
    read: () => Promise<RosterFile>,
  ): Promise<RosterUpload> {
    const draft = this.draft('roster-upload', '')
    return this.audited(p, draft, async () => {
      const query = parseWith(rosterUploadQuerySchema, rawQuery)
      draft.reason =
        [
          query.templateId ? `templateId=${query.templateId}` : null,
          query.alias ? `alias=${query.alias}` : null,
        ]
          .filter(Boolean)
          .join('; ') || null
      const file = await read()
      draft.agentId = file.fileName
      const ext = file.fileName.toLowerCase().split('.').pop() ?? ''
      if (!file.fileName.includes('.') || !(ROSTER_EXTENSIONS as readonly string[]).includes(ext)) {
        throw refuse(400, 'invalid_request', {
          zh: `名单文件须为 txt、csv 或 dat 格式（收到 ${file.fileName}）`,
          en: `the call list must be a .txt, .csv or .dat file (got ${file.fileName})`,
        })
      }
      const text = new TextDecoder('utf-8').decode(file.bytes)
      const check = checkRoster(text)
      if (check.bad.length > 0) {
        const n = check.bad.length
        const messages = {
          zh: `名单有 ${n} 行格式不正确，未上传；请修改后重新上传`,
          en: `the call list has ${n} bad line${n === 1 ? '' : 's'}; nothing was uploaded`,
        }
        const refusal: RosterRefusal = {
          error: 'roster_invalid',
          message: messages.en,
          bad: check.bad.slice(0, ROSTER_BAD_LINES_MAX),
          badCount: n,
          duplicates: check.duplicates,
        }
        throw HttpError.of(400, { ...refusal, messages } as RosterRefusal)
      }
      if (check.entries.length === 0) {
        throw refuse(400, 'invalid_request', {
          zh: '名单文件没有任何名单',
          en: 'the call list has no entries',
        })
      }
      const drop = query.dropDuplicates === 'true' && check.duplicates.length > 0
      const dropped = drop ? check.duplicates.reduce((n, d) => n + d.lines.length - 1, 0) : 0
      const bytes = drop
        ? new TextEncoder().encode(dropDuplicateLines(text, check.duplicates))
        : file.bytes
      draft.sentAt = this.d.now()
      const res = await this.d.platform.postMultipart(
        ROSTER_PATH,
        // The seed's query names; an empty one is not sent.
        { alias: query.alias, templateId: query.templateId },
        {
          fieldName: 'file',
          fileName: file.fileName,
          bytes,
          contentType: ext === 'csv' ? 'text/csv' : 'text/plain',
        },
      )
      if (!res.ok) throw failed(draft, res, rosterFailure(res))
      const answer = rosterUpstreamSchema.safeParse(res.data)
      if (!answer.success) throw malformed(ROSTER_MALFORMED)
      const { batchId, batchName, alias } = answer.data.data
      draft.callId = batchId
      const upload: RosterUpload = {
        batchId,
        batchName,
        alias: alias ?? query.alias ?? null,
        templateId: query.templateId ?? null,
        fileName: file.fileName,
        entries: check.entries.length - dropped,
        duplicatesDropped: dropped,
        uploadedAt: this.d.now(),
        username: p.username,
      }
      await this.d.repo.addUpload(p.scope.namespace, upload)
      return upload
    })
  }

  uploads(namespace: string): Promise<RosterUpload[]> {
    return this.d.repo.uploads(namespace)
  }

  /**
   * The extension rung first, with the tenant's domain: the user's own (from the profile) when
   * none is named; otherwise the user's own or the extension of an agent in their scope.
   */
  private deviceToRing(p: Principal, asked: string | undefined): string {
    const namespace = p.scope.namespace
    if (asked === undefined) {
      if (!p.deviceId) {
        throw refuse(
          409,
          'profile_incomplete',
          {
            zh: '请先在个人资料中填写你的分机，回拨会先呼叫它',
            en: 'set your extension in your profile first: a call back rings it first',
          },
          { field: 'deviceId' },
        )
      }
      sameDomain(p.deviceId, namespace, 'deviceId (your profile)')
      return withDomain(p.deviceId, namespace)
    }
    sameDomain(asked, namespace, 'deviceId')
    const device = withDomain(asked, namespace)
    if (p.deviceId && withDomain(p.deviceId, namespace) === device) return device
    const audience = audienceOf(p.scope)
    const anAgentOfTheScope = this.d.agents
      .list(namespace)
      .some(
        (a) =>
          a.channelAddr !== null &&
          withDomain(a.channelAddr, namespace) === device &&
          audience.includesAgent(a),
      )
    if (anAgentOfTheScope) return device
    throw refuse(403, 'forbidden', {
      zh: `分机 ${device} 不是你的分机，也不是你范围内坐席的分机`,
      en: `extension ${device} is neither yours nor that of an agent in your scope`,
    })
  }

  private draft(op: OutboundOp, agentId: string): Draft {
    return {
      op,
      agentId,
      deviceId: null,
      callId: null,
      reason: null,
      sentAt: null,
      upstreamStatus: null,
    }
  }

  /** Runs one request, checking the role first, and audits it whatever its outcome. */
  private async audited<T>(p: Principal, draft: Draft, run: () => Promise<T>): Promise<T> {
    try {
      if (p.kind !== 'user' || !can(p.role, 'callOut')) {
        throw refuse(403, 'forbidden', {
          zh: `你的角色（${p.role}）不能外呼或上传名单`,
          en: `your role (${p.role}) may not call customers or upload call lists`,
        })
      }
      const out = await run()
      await this.write(p, draft, 'ok', draft.op === 'roster-upload' ? 201 : 200, null)
      return out
    } catch (err) {
      if (err instanceof HttpError) {
        await this.write(
          p,
          draft,
          draft.sentAt === null ? 'refused' : 'failed',
          err.statusCode,
          err.message,
        )
      } else {
        const status = httpStatusOf(err)
        await this.write(
          p,
          draft,
          status !== null && status < 500 ? 'refused' : 'failed',
          status ?? 500,
          err instanceof Error ? err.message : String(err),
        )
      }
      throw err
    }
  }

  private async write(
    p: Principal,
    d: Draft,
    outcome: 'ok' | 'refused' | 'failed',
    status: number,
    message: string | null,
  ): Promise<void> {
    const cut = (s: string | null) => (s === null ? null : s.slice(0, AUDIT_TEXT_MAX))
    await this.d.audit.insert({
      at: this.d.now(),
      userId: p.kind === 'user' ? p.id : null,
      username: p.username,
      namespace: p.scope.namespace,
      agentId: cut(d.agentId) ?? '',
      deviceId: cut(d.deviceId),
      callId: cut(d.callId),
      op: d.op,
      reason: cut(d.reason),
      supervisorDevice: d.op === 'call-back' ? d.deviceId : null,
      outcome,
      status,
      upstreamStatus: d.upstreamStatus,
      message: message === null ? null : message.slice(0, 1000),
      latencyMs: d.sentAt === null ? null : this.d.now() - d.sentAt,
    })
  }
}

/** A refusal of the console's own, with its words in both languages. */
function refuse(
  status: number,
  error: ErrorCode,
  messages: Bilingual,
  extras: object = {},
): HttpError {
  return new HttpError(status, error, messages.en, { messages, ...extras })
}

/** An id with a domain other than the tenant's is refused (400), never sent. */
function sameDomain(id: string, namespace: string, field: string): void {
  const at = id.indexOf('@')
  if (at < 0) return
  const domain = id.slice(at + 1)
  if (domain.toLowerCase() === namespace.toLowerCase()) return
  throw refuse(400, 'invalid_request', {
    zh: `${field}：${id} 属于另一个域（${domain}），只能使用本租户的域 ${namespace}`,
    en: `${field}: ${id} is of another domain (${domain}); only ${namespace} may be used`,
  })
}

function failed(draft: Draft, f: PlatformFailure, a: FailureAnswer): HttpError {
  if (f.kind === 'code' || f.kind === 'http') draft.upstreamStatus = f.httpStatus
  return HttpError.of(a.status, asBody(a))
}

function malformed(messages: UpstreamMessage): HttpError {
  return new HttpError(502, 'upstream', messages.en, { messages })
}

/** A FailureAnswer without its status: the body of the answer. */
function asBody(a: FailureAnswer): { error: ErrorCode; message: string } {
  const { status: _status, ...body } = a
  return body as { error: ErrorCode; message: string }
}

/** A string field of a body not yet checked, for the audit log of a refused request. */
function textField(raw: unknown, key: string): string {
  if (typeof raw !== 'object' || raw === null) return ''
  const v = (raw as Record<string, unknown>)[key]
  return typeof v === 'string' ? v.trim().slice(0, AUDIT_TEXT_MAX) : ''
}

function httpStatusOf(err: unknown): number | null {
  const s = (err as { statusCode?: unknown } | null)?.statusCode
  return typeof s === 'number' && s >= 400 && s < 600 ? s : null
}
