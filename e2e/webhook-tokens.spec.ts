import { zh } from '@/locales/zh'
import { expect, platformAgentEvents, signIn, test } from './fixtures'

/*
 * An admin gives the tenant's platform a new webhook token and takes it away again, by
 * keyboard, and the relay admits and then refuses events presented with it.
 */

const agentEvent = platformAgentEvents(8_700_000_000_000_000)
const tokenTestAgent = { id: '5999@test.cc', name: '令牌测试', skills: [] }

test('an admin mints a webhook token (shown once), and revokes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signIn(page, 'admin')
  await page.goto('/admin/webhook-tokens')
  await expect(page.getByRole('heading', { name: zh.webhookTokens.title })).toBeVisible()
  await expect(page.getByRole('tab', { name: zh.admin.tabWebhookTokens })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  // The demo's own WEBHOOK_TOKEN admits this tenant, and the simulator is using it.
  await expect(page.getByText(/也接收本租户事件的令牌：1 个/)).toBeVisible()
  await expect(page.getByText(zh.webhookTokens.emptyTitle)).toBeVisible()

  await page.getByRole('button', { name: zh.webhookTokens.add }).focus()
  await page.keyboard.press('Enter')
  const form = page.getByRole('dialog', { name: zh.webhookTokens.createTitle })
  await expect(form.getByLabel(zh.webhookTokens.name)).toBeFocused()
  await page.keyboard.type('生产回调')
  await page.keyboard.press('Enter')

  const shown = page.getByRole('dialog', { name: zh.webhookTokens.createdTitle })
  const field = shown.getByLabel(zh.webhookTokens.createdLabel)
  const callback = await field.inputValue()
  expect(callback).toMatch(/\/webhooks\/wellcloud\?token=[\w-]{32}$/)
  await expect(shown.getByRole('button', { name: zh.common.copy })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(shown.getByRole('button', { name: zh.common.copied })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(callback)
  await page.keyboard.press('Escape')
  await expect(shown).toBeHidden()

  // The list names it, never its secret.
  const row = page.getByRole('row').filter({ hasText: '生产回调' })
  await expect(row).toContainText('test.cc')
  await expect(row).toContainText(zh.admin.active)
  const secret = new URL(callback).searchParams.get('token')!
  expect(await page.content()).not.toContain(secret)

  // The platform can use it at once…
  expect((await page.request.post(callback, { data: agentEvent(tokenTestAgent) })).status()).toBe(
    200,
  )

  await row.getByRole('button', { name: '吊销 生产回调' }).click()
  const confirm = page.getByRole('dialog', { name: '吊销回调令牌“生产回调”？' })
  await expect(confirm.getByRole('button', { name: zh.common.cancel })).toBeFocused()
  await confirm.getByRole('button', { name: zh.admin.confirmRevoke }).click()
  await expect(confirm).toBeHidden()
  await expect(row).toContainText(zh.admin.revoked)
  await expect(row.getByRole('button', { name: '吊销 生产回调' })).toHaveCount(0)

  // …and not from the moment it is revoked.
  expect((await page.request.post(callback, { data: agentEvent(tokenTestAgent) })).status()).toBe(
    401,
  )
})
