import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api-client'
import type { CallsPage } from '@/shared/cdr'
import { EXPORT_PAGE_SIZE, collectRows } from './collect-rows'
import type { TimeRange } from './relay-problem'

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ n: from + i }))

/** A relay with `total` rows, served a page at a time as `GET /api/calls` does. */
function relay(total: number) {
  return vi.fn(async (p: number): Promise<CallsPage<{ n: number }>> => {
    const start = (p - 1) * EXPORT_PAGE_SIZE
    return { total, list: rows(start, Math.max(0, Math.min(EXPORT_PAGE_SIZE, total - start))) }
  })
}

describe('collecting a whole query', () => {
  it('asks page after page until it has the total, reporting progress', async () => {
    const fetchPage = relay(250)
    const progress: [number, number | null][] = []
    const all = await collectRows({
      fetchPage,
      signal: new AbortController().signal,
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(all).toHaveLength(250)
    expect(all.at(-1)).toEqual({ n: 249 })
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([1, 2, 3])
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ])
  })

  it('asks once for an empty range, and stops at a short page when the total is unknown', async () => {
    const empty = relay(0)
    expect(await collectRows({ fetchPage: empty, signal: new AbortController().signal })).toEqual(
      [],
    )
    expect(empty).toHaveBeenCalledTimes(1)
    const unknown = vi.fn(async (p: number) => ({
      total: null,
      list: rows((p - 1) * 100, p < 3 ? 100 : 7),
    }))
    const all = await collectRows({ fetchPage: unknown, signal: new AbortController().signal })
    expect(all).toHaveLength(207)
    expect(unknown).toHaveBeenCalledTimes(3)
  })

  it('stops when cancelled, without asking for the next page', async () => {
    const controller = new AbortController()
    const fetchPage = vi.fn(async (p: number) => {
      if (p === 2) controller.abort()
      return { total: 1000, list: rows((p - 1) * 100, 100) }
    })
    await expect(collectRows({ fetchPage, signal: controller.signal })).rejects.toThrow()
    expect(fetchPage).toHaveBeenCalledTimes(2)
  })

  it('fetches a range the platform will not query whole (14015) as its two halves', async () => {
    const halves: [TimeRange, TimeRange] = [
      { beginTime: '2025-01-25 00:00:00', endTime: '2025-01-31 23:59:59' },
      { beginTime: '2025-02-01 00:00:00', endTime: '2025-02-03 00:00:00' },
    ]
    const split = new ApiError({
      status: 409,
      error: 'server',
      message: 'split',
      body: { error: 'split_required', message: 'split', halves },
    })
    const asked: (string | null)[] = []
    const fetchPage = vi.fn(async (p: number, range: TimeRange | null) => {
      asked.push(range ? `${range.beginTime} p${p}` : `whole p${p}`)
      if (!range) throw split
      const total = range.beginTime === halves[0].beginTime ? 120 : 30
      return { total, list: rows((p - 1) * 100, Math.min(100, total - (p - 1) * 100)) }
    })
    const progress: (number | null)[] = []
    const all = await collectRows({
      fetchPage,
      signal: new AbortController().signal,
      onProgress: (_, total) => progress.push(total),
    })
    expect(all).toHaveLength(150)
    expect(asked).toEqual([
      'whole p1',
      '2025-01-25 00:00:00 p1',
      '2025-01-25 00:00:00 p2',
      '2025-02-01 00:00:00 p1',
    ])
    expect(progress.at(-1)).toBe(150)
  })

  it('passes other failures on', async () => {
    const fetchPage = vi.fn(async () => {
      throw new ApiError({ status: 504, error: 'server', message: 'slow' })
    })
    await expect(
      collectRows({ fetchPage, signal: new AbortController().signal }),
    ).rejects.toMatchObject({ status: 504 })
  })
})
