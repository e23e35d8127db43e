import { isApiError } from '@/lib/api-client'
import { upstreamText } from '@/lib/api-error-message'
import type { Language } from '@/lib/i18n'
import { upstreamMessagesSchema } from '@/shared/upstream-messages'

/** Why there is no waveform: no such recording (for good), or a failure worth retrying. */
export type PeaksProblem =
  | { kind: 'noRecording'; text: string | null }
  | { kind: 'network' }
  | { kind: 'failed'; text: string | null }

/** Reads a failed peaks request, with the relay's words in the page's language when it sent them. */
export function peaksProblem(error: unknown, language: Language): PeaksProblem {
  if (!isApiError(error)) return { kind: 'failed', text: null }
  if (error.status === 0) return { kind: 'network' }
  const sent = upstreamMessagesSchema.safeParse(
    (error.body as { messages?: unknown } | null)?.messages,
  )
  const text = sent.success ? upstreamText(sent.data, language) : error.message || null
  if (error.status === 404) return { kind: 'noRecording', text }
  return { kind: 'failed', text }
}
