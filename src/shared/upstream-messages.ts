import * as z from 'zod/mini'
import type { Bilingual } from './actions'

/**
 * A platform failure as the relay words it: a code and its parameters, which the SPA words
 * with its own messages (`upstream.<code>`), and the relay's words in both languages, which
 * the SPA shows for a code it does not know (a newer relay) and logs and other clients read.
 */
export interface UpstreamMessage extends Bilingual {
  /** E.g. `csta.extensionBusy`, `platform.noSuchCall`, `redirect.tooMany`. */
  code: string
  params?: Record<string, string | number>
}

/** Reads a code and parameters from what the relay sent, if it sent any. */
export function upstreamCode(
  value: unknown,
): { code: string; params: Record<string, string | number> } | null {
  if (typeof value !== 'object' || value === null) return null
  const { code, params } = value as { code?: unknown; params?: unknown }
  if (typeof code !== 'string') return null
  const ok =
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')
  return { code, params: ok ? (params as Record<string, string | number>) : {} }
}

/** `messages` of a relay answer as the browser checks it: both languages, and the code if any. */
export const upstreamMessagesSchema = z.object({
  zh: z.string(),
  en: z.string(),
  code: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
})
