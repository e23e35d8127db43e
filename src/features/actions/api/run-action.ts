import { useMutation } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { upstreamMessagesSchema } from '@/shared/upstream-messages'
import {
  ACTION_ERRORS,
  ACTION_OPS,
  type ActionDone,
  type ActionOp,
  type ActionRefused,
} from '@/shared/actions'
import { apiRequest, isApiError } from '@/lib/api-client'
import { endPending, startPending } from '../stores/pending-store'

const actionDoneSchema = z.object({
  ok: z.literal(true),
  op: z.enum(ACTION_OPS),
  upstreamStatus: z.number(),
  latencyMs: z.number(),
}) satisfies z.ZodMiniType<ActionDone>

const actionRefusedSchema = z.object({
  ok: z.literal(false),
  error: z.enum(ACTION_ERRORS),
  message: z.string(),
  messages: upstreamMessagesSchema,
  upstreamStatus: z.optional(z.number()),
  field: z.optional(z.enum(['deviceId', 'phoneNumber'])),
  others: z.optional(
    z.array(
      z.object({
        by: z.string(),
        kind: z.enum(['listening', 'barged', 'took-over']),
        since: z.number(),
      }),
    ),
  ),
}) satisfies z.ZodMiniType<ActionRefused>

export interface RunActionInput {
  agentId: string
  op: ActionOp
  /** Why (not ready, log out); null for none. */
  reason: string | null
  /** Barge in although the lead was told another lead is on the call. */
  acknowledgeOthers?: boolean
}

/** What the relay answered: done, or refused with its reasons in both languages (`status`). */
export type ActionResult = ActionDone | (ActionRefused & { status: number })

/**
 * `POST /api/agents/{agentId}/actions/{op}`. A refusal the relay explains (403, 404, 409, 502
 * with `messages`) resolves as such; anything else (no answer, a CSRF failure) rejects.
 */
export async function runAction({
  agentId,
  op,
  reason,
  acknowledgeOthers = false,
}: RunActionInput): Promise<ActionResult> {
  try {
    return await apiRequest(`/api/agents/${encodeURIComponent(agentId)}/actions/${op}`, {
      method: 'POST',
      body: { ...(reason ? { reason } : {}), ...(acknowledgeOthers ? { acknowledgeOthers } : {}) },
      schema: actionDoneSchema,
    })
  } catch (error) {
    if (isApiError(error)) {
      const refused = actionRefusedSchema.safeParse(error.body)
      if (refused.success) return { ...refused.data, status: error.status }
    }
    throw error
  }
}

/** Another action on the same agent has not been answered yet. */
export class ActionBusyError extends Error {
  override readonly name = 'ActionBusyError'
  constructor(agentId: string) {
    super(`an action on ${agentId} is still running`)
  }
}

/**
 * Runs an action, marking the agent's tile as busy until the relay answers (whether or not
 * the page that asked is still shown). Use `mutateAsync`: actions on several agents may run at
 * once, and each caller wants its own answer.
 */
export function useRunAction() {
  return useMutation({
    mutationFn: async (input: RunActionInput) => {
      // The menus offer nothing while an action runs on the agent; this is the last guard.
      if (!startPending(input.agentId, input.op)) throw new ActionBusyError(input.agentId)
      try {
        return await runAction(input)
      } finally {
        endPending(input.agentId)
      }
    },
  })
}
