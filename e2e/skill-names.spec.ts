import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

// An admin names a skill group; the floor's skill filter then offers it by that name.
test('an admin names a skill group and the floor filter shows the name', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'admin')
  await page.goto('/admin/skill-names')
  await expect(page.getByRole('tab', { name: zh.skillNames.tab })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const table = page.getByRole('table', { name: zh.skillNames.tableLabel })
  const first = table.getByRole('rowheader').first()
  await expect(first).toBeVisible({ timeout: 60_000 })
  const id = (await first.textContent())!.trim()
  const name = `售前咨询${Date.now() % 1000}`

  await table.getByRole('button', { name: `修改 ${id} 的名称` }).click()
  const dialog = page.getByRole('dialog', { name: `技能组 ${id} 的名称` })
  await dialog.getByLabel(zh.skillNames.name).fill(name)
  await dialog.getByRole('button', { name: zh.common.save }).click()
  await expect(dialog).toBeHidden()
  await expect(table.getByRole('row').filter({ has: page.getByText(id) })).toContainText(name)

  await page.goto('/')
  await page.getByRole('combobox', { name: zh.floor.skillFilter }).click()
  await expect(page.getByRole('option', { name })).toBeVisible()
  await page.keyboard.press('Escape')

  // The change is in the audit log.
  const audit = (await (await page.request.get('/api/audit')).json()) as {
    entries: { op: string; message: string | null }[]
  }
  expect(audit.entries.some((e) => e.op === 'skill-names' && e.message?.includes(name))).toBe(true)
})
