import * as z from 'zod/mini'
import { upstreamMessagesSchema } from '@/shared/upstream-messages'
import { type ApiError, isApiError } from '@/lib/api-client'
import { upstreamText } from '@/lib/api-error-message'
import type { Language } from '@/lib/i18n'

/** A range of platform time, `yyyy-MM-dd HH:mm:ss` both ends. */
export interface TimeRange {
  beginTime: string
  endTime: string
}

const bodySchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  messages: z.optional(upstreamMessagesSchema),
  platformMessage: z.optional(z.string()),
  halves: z.optional(
    z.tuple([
      z.object({ beginTime: z.string(), endTime: z.string() }),
      z.object({ beginTime: z.string(), endTime: z.string() }),
    ]),
  ),
})

/**
 * What went wrong with a call-records request, as the page tells it. `text` is the relay's own
 * words in the current language when it sent both (`messages`), else its message; null when
 * the page words it itself. `platformMessage` is the platform's own `errorMessage`, shown
 * beside the meaning: the seed's own examples do not always match their code.
 */
export type RelayProblem = RelayProblemKind & { platformMessage?: string }

type RelayProblemKind =
  /** 14015 where the platform named the time to split at: query these two instead. */
  | { kind: 'split'; halves: [TimeRange, TimeRange]; text: string | null }
  /** A 400 that names a parameter (`beginTime: …`), or 14004 (begin after end). */
  | { kind: 'field'; field: string; text: string | null }
  /** 14001, or 14015 without a time to split at: narrow the range. */
  | { kind: 'rangeTooLarge'; text: string | null }
  /** 14002/14003, or the platform did not answer in time. */
  | { kind: 'timeout'; text: string | null }
  /** 404: no such call (or none in the user's reach). */
  | { kind: 'notFound'; text: string | null }
  /** No answer from the relay at all. */
  | { kind: 'network' }
  | { kind: 'forbidden' }
  | { kind: 'failed'; text: string | null }

/** Reads a failed request's answer for what the page should say and offer. */
export function relayProblem(error: unknown, language: Language): RelayProblem {
  if (!isApiError(error)) return { kind: 'failed', text: String(error) }
  if (error.status === 0) return { kind: 'network' }
  if (error.status === 403) return { kind: 'forbidden' }
  const parsed = bodySchema.safeParse(error.body)
  const body = parsed.success ? parsed.data : null
  const problem = problemOf(error, body, language)
  return body?.platformMessage ? { ...problem, platformMessage: body.platformMessage } : problem
}

function problemOf(
  error: ApiError,
  body: z.output<typeof bodySchema> | null,
  language: Language,
): RelayProblemKind {
  const text =
    (body?.messages ? upstreamText(body.messages, language) : null) ??
    body?.message ??
    (error.message || null)
  const code = body?.error ?? error.error
  if (code === 'split_required' && body?.halves) {
    return { kind: 'split', halves: body.halves, text }
  }
  // 14015 naming no time to split at: the relay guesses none, the user narrows the range.
  if (code === 'range_too_large' || code === 'split_required')
    return { kind: 'rangeTooLarge', text }
  if (code === 'begin_after_end') return { kind: 'field', field: 'beginTime', text }
  if (code === 'invalid_request') {
    const field = error.field
    if (field) return { kind: 'field', field: field.name, text: field.message }
  }
  if (code === 'upstream_timeout' || error.status === 504) return { kind: 'timeout', text }
  if (error.status === 404) return { kind: 'notFound', text }
  return { kind: 'failed', text }
}

/** Whether asking again may help (the platform was slow or away, the network hiccuped). */
export function isRetryable(problem: RelayProblem): boolean {
  return problem.kind === 'timeout' || problem.kind === 'network' || problem.kind === 'failed'
}
