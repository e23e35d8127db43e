import { type APIRequestContext, expect } from '@playwright/test'
import type { CallsPage, CdrListItem } from '@/shared/cdr'
import { formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'

const TZ = 'Asia/Shanghai'

/**
 * Waits until the simulator has ended a call with at least `minTalkSec` of talk today (so it
 * has a recording), and answers it. The range ends at each ask's now: a call only shows once
 * it has ended.
 */
export async function aCallWithTalk(
  request: APIRequestContext,
  minTalkSec = 3,
): Promise<CdrListItem> {
  let found: CdrListItem | undefined
  await expect
    .poll(
      async () => {
        const now = Date.now()
        const res = await request.get('/api/calls', {
          params: {
            beginTime: formatQueryTime(startOfPlatformDay(now, TZ), TZ),
            endTime: formatQueryTime(now, TZ),
            s: 20,
            isOrder: 0,
          },
        })
        if (!res.ok()) return false
        found = ((await res.json()) as CallsPage).list.find(
          (c) => Number(c.talkLength) >= minTalkSec,
        )
        return found !== undefined
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true)
  return found!
}
