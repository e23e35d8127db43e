import type { Page } from '@playwright/test'
import type { FloorSnapshot } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

// A number the simulator's random mobiles do not reach in a spec's time.
const PHONE = '19955501234'

/** A callEnd as the platform posts it, of a call of the simulated tenant. */
function callEnd(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventName: 'callEnd',
    eventType: 'statEvent',
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: PHONE,
    dnis: '33255500',
    customerPhone: PHONE,
    skillId: '7001@test.cc',
    ...fields,
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

const section = (page: Page) =>
  page
    .getByRole('complementary', { name: zh.figures.title })
    .getByRole('region', { name: zh.callBacks.title, exact: true })

async function reachedAgain(page: Page): Promise<number> {
  const res = await page.request.get('/api/floor')
  expect(res.ok()).toBe(true)
  return ((await res.json()) as FloorSnapshot).callBacks?.reachedAgain ?? 0
}

test.describe('abandoned callers to call back', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'lead')
  })

  test('a caller who gave up in the queue waits on the floor until a later call reaches them', async ({
    page,
    app,
  }) => {
    await page.goto('/')
    await expect(section(page)).toBeVisible()
    const before = await reachedAgain(page)
    const now = Date.now()

    expect(
      await app.post(
        callEnd({
          callId: `e2e-abandoned-${now}`,
          startTime: iso(now - 45_000),
          answerTime: null,
          endTime: iso(now - 5_000),
          queueLength: 40,
          talkLength: 0,
          agentId: null,
          deviceId: null,
          endReason: 'QueueAbandon',
        }),
      ),
    ).toBe(200)
    const row = section(page).locator(`li[data-phone="${PHONE}"]`)
    await expect(row).toBeVisible()
    await expect(row).toContainText('第 1 次')
    await expect(row.getByText(/秒前|刚刚/)).toBeVisible()

    // The wall screen lists them too, with the middle of the number hidden from the room.
    await page.goto('/wall')
    const wall = page.getByRole('region', { name: zh.wall.callBacksLabel })
    await expect(wall).toContainText('199****1234')
    await expect(wall).not.toContainText(PHONE)
    await page.goto('/')
    await expect(row).toContainText('第 1 次')

    // Their next call, a moment later, is taken by an agent.
    expect(
      await app.post(
        callEnd({
          callId: `e2e-answered-${now}`,
          startTime: iso(now - 3_000),
          answerTime: iso(now),
          endTime: iso(now + 1_000),
          queueLength: 2,
          talkLength: 1,
          agentId: '5001@test.cc',
          deviceId: '8001@test.cc',
          endReason: 'CustomerHangup',
        }),
      ),
    ).toBe(200)
    await expect(row).toHaveCount(0)
    await expect(section(page).getByText(`已回访 ${before + 1}`, { exact: false })).toBeVisible()
    expect(before + 1).toBe(await reachedAgain(page))
  })
})
