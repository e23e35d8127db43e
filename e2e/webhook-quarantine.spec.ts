import type { Page } from '@playwright/test'
import { formatEventTime } from '@/shared/platform-time'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

/*
 * The platform sends an event the relay cannot apply: the admin finds it on the health page,
 * with its reason and its body as sent, and a replay by keyboard says why it still fails.
 */

test('an admin sees a refused webhook, its body, and what a replay says', async ({ page, app }) => {
  // The worker's relay may hold refused webhooks of earlier tests: count from what it holds.
  await signIn(page, 'admin')
  const before = await pendingQuarantined(page)
  const now = formatEventTime(Date.now(), 'Asia/Shanghai')
  const marker = '<b>隔离测试</b>'
  const status = await app.post({
    eventName: 'agentStateEvent',
    serial: 8_800_000_000_000_001,
    id: '5998@test.cc',
    name: marker,
    acState: 'Available',
    stateChangeTime: now,
    namespace: 'test.cc',
    skills: { group: 1 }, // a shape no rule accepts
  })
  expect(status).toBe(400)

  await page.goto('/admin/health')
  await expect(page.getByRole('heading', { name: zh.health.title })).toBeVisible()
  await expect(page.getByRole('tab', { name: zh.health.tab })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const waiting = page.getByRole('term').filter({ hasText: zh.health.quarantined })
  await expect(waiting.locator('xpath=following-sibling::dd')).toHaveText(String(before + 1))

  const entry = page.getByRole('article').filter({ hasText: marker })
  await expect(entry.getByRole('heading', { name: 'agentStateEvent' })).toBeVisible()
  await expect(entry.getByText(/^原因：skills: /)).toBeVisible()
  // The body is text as sent: the markup in it is shown, not made.
  await expect(entry.getByLabel(zh.quarantine.bodyLabel)).toContainText(`"name":"${marker}"`)
  await expect(entry.locator('b')).toHaveCount(0)

  await entry.getByRole('button', { name: /^重放/ }).focus()
  await page.keyboard.press('Enter')
  await expect(entry.getByText(/^仍无法应用：skills: /)).toBeVisible()
  await expect(entry.getByRole('button', { name: /^重放/ })).toBeVisible()
})

async function pendingQuarantined(page: Page): Promise<number> {
  const res = await page.request.get('/api/health/details')
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { quarantine: { pending: number } }
  return body.quarantine.pending
}
