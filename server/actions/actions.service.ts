import { AC_STATE_LABELS } from '@/shared/ac-state-labels'
import {
  type ActionDone,
  type ActionOp,
  type ActionRefused,
  type Bilingual,
} from '@/shared/actions'
import { type StateConflict, stateConflict } from '@/shared/state-conflict'
import { can } from '@/shared/auth'
import type { AcState } from '@/shared/ac-state'
import type { AgentsStore } from '../agents/agents.store'
import type { Principal } from '../auth/auth.service'
import {
  CONFLICT_STATUSES,
  loginFailedMessage,
  NOT_CONFIGURED_MESSAGE,
  TIMEOUT_MESSAGE,
  UNREACHABLE_MESSAGE,
  unsafeIdMessage,
  upstreamMessage,
} from '../csta/csta-messages'
import { type CstaRequest, cstaRequestFor } from '../csta/csta-requests'
import { withDomain } from '../csta/device-id'
import type { CstaClient, CstaOutcome } from '../csta/csta.client'
import { redirectMessages } from '../platform/platform-messages'
import { UnsafeIdError } from '../platform/upstream-id'
import { audienceOf } from '../realtime/audience'
import type { PresenceService } from '../presence/presence.service'
import type { AuditRepo } from './audit.repo'

export interface ActionAnswer {
  status: number
  body: ActionDone | ActionRefused
}

export interface ActionsDeps {
  agents: AgentsStore
  /** Null when the platform's CSTA service is not configured. */
  csta: CstaClient | null
  audit: AuditRepo
  now: () => number
  /** Who else is on the agent's call; told when a lead joins one. */
  presence?: Pick<PresenceService, 'othersOnCall' | 'othersMessage' | 'actionDone'>
}

export interface ActionOptions {
  reason: string | null
  /** Barge in although another lead is on the call (the lead was shown who). */
  acknowledgeOthers?: boolean
}

/**
 * Runs a supervisor's force operation on an agent: checks role, scope, the agent's state and
 * the supervisor's own phone before anything goes to the platform, sends exactly the SDK's
 * request, and writes every attempt (refusals too) to the audit log before answering.
 */
export class ActionsService {
  constructor(private readonly d: ActionsDeps) {}

  async run(
    p: Principal,
    agentId: string,
    op: ActionOp,
    { reason, acknowledgeOthers = false }: ActionOptions,
  ): Promise<ActionAnswer> {
    const agent = this.d.agents.get(p.scope.namespace, agentId)
    const visible = agent !== undefined && audienceOf(p.scope).includesAgent(agent)
    // The audit names the listener's device as it goes upstream (with the domain); join and
    // take dial a number (seed 000's forceJoin example gives a bare '8002'), sent as typed.
    const listens = op === 'listen' || op === 'stop-listen'
    const supervisorDevice = listens
      ? p.deviceId
        ? withDomain(p.deviceId, p.scope.namespace)
        : null
      : op === 'join' || op === 'take'
        ? p.phoneNumber
        : null
    const audit = async (
      answer: ActionAnswer,
      outcome: 'ok' | 'refused' | 'failed',
      upstream: CstaOutcome | null,
    ): Promise<ActionAnswer> => {
      await this.d.audit.insert({
        at: this.d.now(),
        userId: p.kind === 'user' ? p.id : null,
        username: p.username,
        namespace: p.scope.namespace,
        agentId,
        deviceId: visible ? agent.channelAddr : null,
        callId: visible ? agent.callId : null,
        op,
        reason,
        supervisorDevice,
        outcome,
        status: answer.status,
        upstreamStatus:
          upstream?.kind === 'answered' || upstream?.kind === 'login_failed'
            ? upstream.status
            : null,
        message: answer.body.ok ? null : answer.body.message,
        latencyMs: upstream ? upstream.latencyMs : null,
      })
      return answer
    }

    if (p.kind !== 'user' || !can(p.role, 'act')) {
      return audit(
        refuse(403, 'forbidden', {
          zh: `你的角色（${p.role}）不能操作坐席`,
          en: `your role (${p.role}) may not act on agents`,
        }),
        'refused',
        null,
      )
    }
    if (!visible) {
      return audit(
        refuse(404, 'not_found', {
          zh: `你的范围内没有坐席 ${agentId}`,
          en: `no agent ${agentId} in your scope`,
        }),
        'refused',
        null,
      )
    }
    const conflict = stateConflict(op, agent)
    if (conflict) {
      const refused = refuse(409, 'conflict', conflictMessage(conflict, agent.acState))
      return audit(
        { status: 409, body: { ...refused.body, stateConflict: conflict } as ActionRefused },
        'refused',
        null,
      )
    }
    if (
      op === 'stop-listen' &&
      !agent.monitors?.some((m) => m.by === p.username && m.op === 'listen')
    ) {
      return audit(
        refuse(409, 'not_listening', {
          zh: `你没有在监听 ${agent.name || agent.id} 的通话`,
          en: `you are not listening to ${agent.name || agent.id}'s call`,
        }),
        'refused',
        null,
      )
    }
    if (supervisorDevice === null && (listens || op === 'join' || op === 'take')) {
      const field = listens ? 'deviceId' : 'phoneNumber'
      const what: Bilingual =
        field === 'deviceId'
          ? {
              zh: '请先在个人资料中填写你监听用的分机',
              en: 'set the extension you listen on in your profile first',
            }
          : {
              zh: '请先在个人资料中填写接管/强插到的号码',
              en: 'set the number calls are taken or joined to in your profile first',
            }
      return audit(
        {
          status: 409,
          body: { ...refuse(409, 'profile_incomplete', what).body, field } as ActionRefused,
        },
        'refused',
        null,
      )
    }
    // Two leads must not barge into one call unaware of each other.
    const others = op === 'join' ? (this.d.presence?.othersOnCall(p, agent) ?? []) : []
    if (others.length > 0 && !acknowledgeOthers) {
      const messages = this.d.presence!.othersMessage(others)
      return audit(
        {
          status: 409,
          body: {
            ...refuse(409, 'others_on_call', messages).body,
            others: others.flatMap((o) =>
              o.kind === 'listening' || o.kind === 'barged' || o.kind === 'took-over'
                ? [{ by: o.by, kind: o.kind, since: o.since }]
                : [],
            ),
          } as ActionRefused,
        },
        'refused',
        null,
      )
    }
    if (!this.d.csta) return audit(refuse(502, 'upstream', NOT_CONFIGURED_MESSAGE), 'failed', null)

    let request: CstaRequest
    try {
      request = cstaRequestFor(op, {
        namespace: agent.namespace,
        agentId: agent.id,
        deviceId: agent.channelAddr!,
        callId: agent.callId,
        listenerDevice: listens ? supervisorDevice : null,
        phoneNumber: op === 'join' || op === 'take' ? supervisorDevice : null,
      })
    } catch (err) {
      // An id unfit for the platform's URL (`..`, a `/`): nothing is sent.
      if (!(err instanceof UnsafeIdError)) throw err
      return audit(refuse(400, 'invalid_request', unsafeIdMessage(err)), 'refused', null)
    }
    const outcome = await this.d.csta.send(request)
    const answer = answerOf(op, outcome)
    if (answer.body.ok && (op === 'listen' || op === 'join')) {
      this.d.agents.addMonitor(agent.namespace, agent.id, {
        by: p.username,
        op,
        since: this.d.now(),
      })
    } else if (answer.body.ok && op === 'stop-listen') {
      this.d.agents.removeMonitor(agent.namespace, agent.id, p.username, 'listen')
    }
    if (answer.body.ok) this.d.presence?.actionDone(p, agent, op)
    return audit(answer, answer.body.ok ? 'ok' : 'failed', outcome)
  }
}

/** The words of a refusal for the agent's state (`stateConflict`), in both languages. */
function conflictMessage(conflict: StateConflict, acState: AcState): Bilingual {
  switch (conflict) {
    case 'not_in_call': {
      const zh = AC_STATE_LABELS.zh[acState]
      const en = AC_STATE_LABELS.en[acState].toLowerCase()
      return { zh: `坐席当前不在通话中（${zh}）`, en: `the agent is not in a call (${en})` }
    }
    case 'logged_out':
      return { zh: '坐席已签出', en: 'the agent is logged out' }
    case 'already_ready':
      return { zh: '坐席已经是就绪状态', en: 'the agent is already ready' }
    case 'already_not_ready':
      return { zh: '坐席已经是未就绪状态', en: 'the agent is already not ready' }
    case 'no_extension':
      return {
        zh: '平台尚未告知坐席登录的分机',
        en: 'the platform has not said which extension the agent is on',
      }
  }
}

function answerOf(op: ActionOp, o: CstaOutcome): ActionAnswer {
  switch (o.kind) {
    case 'answered': {
      if (o.status >= 200 && o.status < 300) {
        return {
          status: 200,
          body: { ok: true, op, upstreamStatus: o.status, latencyMs: o.latencyMs },
        }
      }
      const messages = upstreamMessage(o.status, platformMessage(o.text))
      const status = CONFLICT_STATUSES.has(o.status) ? 409 : 502
      return {
        status,
        body: {
          ...refuse(status, status === 409 ? 'conflict' : 'upstream', messages).body,
          upstreamStatus: o.status,
        },
      }
    }
    case 'login_failed':
      return {
        status: 502,
        body: {
          ...refuse(502, 'upstream', loginFailedMessage(o.status, o.problem)).body,
          upstreamStatus: o.status,
        },
      }
    case 'timeout':
      return refuse(502, 'upstream', TIMEOUT_MESSAGE)
    case 'unreachable':
      return refuse(502, 'upstream', UNREACHABLE_MESSAGE)
    case 'redirected':
      return refuse(502, 'upstream', redirectMessages(o.problem, o.target))
  }
}

function refuse(status: number, error: ActionRefused['error'], messages: Bilingual): ActionAnswer {
  return { status, body: { ok: false, error, message: messages.en, messages } }
}

/** The platform's own error text, if its answer carries one. */
function platformMessage(text: string): string | null {
  try {
    const v = JSON.parse(text) as { errorMessage?: unknown; message?: unknown }
    const m = v.errorMessage ?? v.message
    return typeof m === 'string' ? m : null
  } catch {
    return text.trim() ? text.trim() : null
  }
}
