import type { Page } from '@playwright/test'
import type { SavedView } from '@/shared/views'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })
const familyChip = (page: Page, family: keyof typeof zh.families) =>
  page
    .getByRole('group', { name: zh.floor.familyFilterLabel })
    .getByRole('button', { name: new RegExp(`^${zh.families[family]}`) })
const sortSelect = (page: Page) => page.getByRole('combobox', { name: zh.floor.sortLabel })
const viewsList = (page: Page) => page.getByRole('dialog', { name: zh.views.title })

/** The floor with its tiles drawn. */
async function openFloor(page: Page, url = '/'): Promise<void> {
  await page.goto(url)
  await expect(grid(page).getByRole('button').first()).toBeVisible({ timeout: 30_000 })
}

/** The floor shows talking agents only, sorted by name: the view's filters are in force. */
async function expectViewApplied(page: Page): Promise<void> {
  await expect(familyChip(page, 'talking')).toHaveAttribute('aria-pressed', 'true')
  await expect(familyChip(page, 'available')).toHaveAttribute('aria-pressed', 'false')
  await expect(sortSelect(page)).toHaveText(zh.floor.sortName)
  const families = await page
    .locator('[data-agent-id]')
    .evaluateAll((tiles) => [...new Set(tiles.map((t) => t.getAttribute('data-family')))])
  expect(families.filter((f) => f !== 'talking')).toEqual([])
}

const saved: { view: SavedView | null } = { view: null }

test.describe.serial('saved views', () => {
  test('a supervisor saves the filtered floor, then opens it from the menu and by link', async ({
    page,
  }) => {
    await signIn(page, 'lead')
    await openFloor(page)

    // Filter and sort the floor; the URL holds it.
    await familyChip(page, 'talking').click()
    await sortSelect(page).click()
    await page.getByRole('option', { name: zh.floor.sortName }).click()
    await expect(page).toHaveURL(/\?state=talking&sort=name$/)

    // Save it under a name (Escape backs out first, and the focus goes back to the button).
    const name = `通话中按姓名 ${Date.now()}`
    const saveButton = page.getByRole('button', { name: zh.views.save })
    const dialog = page.getByRole('dialog', { name: zh.views.saveTitle })
    await saveButton.focus()
    await page.keyboard.press('Enter')
    await expect(dialog.getByRole('textbox', { name: zh.views.name })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(saveButton).toBeFocused()
    await saveButton.click()
    await expect(dialog).toContainText(`状态：${zh.families.talking}`)
    await expect(dialog).toContainText(`排序：${zh.floor.sortName}`)
    await dialog.getByRole('textbox', { name: zh.views.name }).fill(name)
    await dialog.getByRole('textbox', { name: zh.views.name }).press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: `已保存视图“${name}”` })).toBeVisible()

    const views = (await (await page.request.get('/api/views')).json()) as SavedView[]
    const view = views.find((v) => v.name === name)
    expect(view).toMatchObject({ query: 'state=talking&sort=name', owner: 'lead' })
    saved.view = view!

    // A fresh floor has no filters; the view from the menu brings them back.
    await openFloor(page)
    await expect(familyChip(page, 'talking')).toHaveAttribute('aria-pressed', 'false')
    await page.getByRole('button', { name: zh.views.open, exact: true }).click()
    await viewsList(page)
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click()
    await expect(viewsList(page)).toBeHidden()
    await expect(page).toHaveURL(/\/\?state=talking&sort=name$/)
    await expectViewApplied(page)

    // And so does its link, which then gives way to the plain URL.
    await openFloor(page)
    await page.goto(`/?view=${view!.id}`)
    await expect(page).toHaveURL(/\/\?state=talking&sort=name$/)
    await expect(grid(page).getByRole('button').first()).toBeVisible({ timeout: 30_000 })
    await expectViewApplied(page)
  })

  test('a viewer opens a view by menu and by link, but cannot save or delete one', async ({
    page,
  }) => {
    const view = saved.view
    expect(view, 'the supervisor saved a view first').not.toBeNull()
    await signIn(page, 'viewer')
    await openFloor(page, `/?view=${view!.id}`)
    await expect(page).toHaveURL(/\/\?state=talking&sort=name$/)
    await expectViewApplied(page)
    await expect(page.getByRole('button', { name: zh.views.save })).toHaveCount(0)

    // The list opens from the keyboard, and Escape gives the focus back.
    await openFloor(page)
    const opener = page.getByRole('button', { name: zh.views.open, exact: true })
    await opener.focus()
    await page.keyboard.press('Enter')
    await expect(viewsList(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(viewsList(page)).toBeHidden()
    await expect(opener).toBeFocused()
    await opener.click()
    const list = viewsList(page)
    await expect(list.getByRole('button', { name: `复制视图“${view!.name}”的链接` })).toBeVisible()
    await expect(list.getByRole('button', { name: `删除视图“${view!.name}”` })).toHaveCount(0)
    await list.getByRole('button', { name: new RegExp(`^${view!.name}`) }).click()
    await expectViewApplied(page)

    // The relay refuses a viewer's save anyway.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value ?? ''
    const res = await page.request.post('/api/views', {
      data: { name: 'nope', query: 'state=talking' },
      headers: { 'x-csrf-token': csrf },
    })
    expect(res.status()).toBe(403)
  })

  test('the owner deletes the view after confirming; its link then says it is gone', async ({
    page,
  }) => {
    const view = saved.view!
    await signIn(page, 'lead')
    await openFloor(page)
    const opener = page.getByRole('button', { name: zh.views.open, exact: true })
    await opener.click()
    await viewsList(page)
      .getByRole('button', { name: `删除视图“${view.name}”` })
      .click()
    const confirm = page.getByRole('dialog', { name: `删除视图“${view.name}”？` })
    await expect(confirm).toBeVisible()
    // Escape backs out without deleting.
    await page.keyboard.press('Escape')
    await expect(confirm).toBeHidden()
    await viewsList(page)
      .getByRole('button', { name: `删除视图“${view.name}”` })
      .click()
    await confirm.getByRole('button', { name: zh.views.confirmDelete }).click()
    await expect(confirm).toBeHidden()
    await expect(
      viewsList(page).getByRole('button', { name: new RegExp(`^${view.name}`) }),
    ).toHaveCount(0)

    await page.goto(`/?view=${view.id}`)
    await expect(page.getByRole('alert')).toHaveText(zh.views.notFound)
    await expect(page).toHaveURL(/\/$/)
  })
})
