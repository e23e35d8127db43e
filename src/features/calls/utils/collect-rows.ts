import type { CallsPage } from '@/shared/cdr'
import { relayProblem, type TimeRange } from './relay-problem'

/** Rows a page of export asks for: the platform's largest page. */
export const EXPORT_PAGE_SIZE = 100
// A runaway guard: 2,000 pages is 200,000 calls, more than anyone exports from a browser.
const MAX_PAGES = 2_000

export interface CollectOptions<Row> {
  /** Page `p` (from 1) of `EXPORT_PAGE_SIZE` rows, of the query or of one half of its range. */
  fetchPage: (p: number, range: TimeRange | null, signal: AbortSignal) => Promise<CallsPage<Row>>
  signal: AbortSignal
  /** After each page: rows so far, and how many there are (null while unknown). */
  onProgress?: (done: number, total: number | null) => void
}

/**
 * Every row of a query, page after page, until `total` is reached (or, without one, a short
 * page). A range the platform will not query whole (14015) is fetched as its two halves, one
 * after the other. Aborting the signal stops it between pages (and aborts the page under way).
 */
export async function collectRows<Row>(options: CollectOptions<Row>): Promise<Row[]> {
  const { fetchPage, signal, onProgress } = options
  const rows: Row[] = []
  // Totals of the ranges fetched so far, and of the one under way.
  let doneTotals = 0
  let unknownTotal = false

  async function run(range: TimeRange | null): Promise<'split' | 'done'> {
    let total: number | null = null
    for (let p = 1; p <= MAX_PAGES; p++) {
      signal.throwIfAborted()
      let page: CallsPage<Row>
      try {
        page = await fetchPage(p, range, signal)
      } catch (error) {
        if (p === 1 && range === null) {
          const problem = relayProblem(error, 'en')
          if (problem.kind === 'split') {
            for (const half of problem.halves) await run(half)
            return 'split'
          }
        }
        throw error
      }
      signal.throwIfAborted()
      total = page.total ?? total
      rows.push(...page.list)
      onProgress?.(rows.length, total === null || unknownTotal ? null : doneTotals + total)
      const more =
        total !== null ? p * EXPORT_PAGE_SIZE < total : page.list.length >= EXPORT_PAGE_SIZE
      if (!more) break
    }
    if (total === null) unknownTotal = true
    else doneTotals += total
    return 'done'
  }

  await run(null)
  return rows
}
