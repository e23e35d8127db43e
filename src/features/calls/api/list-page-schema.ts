import * as z from 'zod/mini'

/** Rows keep every field the platform sent; only what the page relies on is checked. */
export const rowSchema = z.looseObject({})

/** `{total, list}` of §4.5 and §4.6, as the relay answers it (`CallsPage`). */
export const listPageSchema = z.object({
  total: z.nullable(z.number()),
  list: z.array(rowSchema),
})

/** Whether a relay answer may be asked again as it is (a 4xx will answer the same). */
export function retryListQuery(failures: number, error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return failures < 1 && !(typeof status === 'number' && status >= 400 && status < 600)
}
