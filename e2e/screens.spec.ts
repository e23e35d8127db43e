import type { Page, TestInfo } from '@playwright/test'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'
import { aCallWithTalk } from './today-calls'

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })

/** The floor with its tiles drawn. */
async function openFloor(page: Page): Promise<void> {
  await page.goto('/')
  await expect(grid(page).getByRole('button').first()).toBeVisible({ timeout: 30_000 })
}

/** What has the keyboard focus: its agent id (a tile), role and accessible label. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      agentId: el?.dataset.agentId ?? null,
      role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? null,
      label: el?.getAttribute('aria-label') ?? el?.textContent ?? '',
      inDialog: el?.closest('[role="dialog"]') !== null,
    }
  })
}

/** Presses Tab until `found` says yes, at most `limit` times; fails otherwise. */
async function tabUntil(
  page: Page,
  found: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 40,
): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (found(f)) return f
  }
  throw new Error(
    `Tab never reached it (${limit} presses); last: ${JSON.stringify(await focused(page))}`,
  )
}

/** A screenshot in the test's output folder, attached to its results (kept as an artifact). */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test.describe('language and theme', () => {
  test('switching to English changes the labels; dark survives a reload', async ({ page }) => {
    await signIn(page, 'lead')
    await openFloor(page)
    const nav = page.getByRole('navigation', { name: zh.nav.label })
    await expect(nav.getByRole('link', { name: zh.nav.floor })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

    await page.getByRole('button', { name: zh.language.label }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    const enNav = page.getByRole('navigation', { name: en.nav.label })
    await expect(enNav.getByRole('link', { name: en.nav.floor })).toBeVisible()
    await expect(enNav.getByRole('link', { name: en.callRecords.nav })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('button', { name: en.views.open, exact: true })).toBeVisible()
    // The default order, in English: trouble first.
    await expect(page.getByRole('combobox', { name: en.floor.sortLabel })).toHaveText(
      en.floorOrder.sortExceptions,
    )
    // A state on a tile reads in English too.
    const enGrid = page.getByRole('region', { name: en.floor.gridLabel })
    const label = await enGrid.getByRole('button').first().getAttribute('aria-label')
    expect(Object.values(en.states).some((s) => label?.includes(`, ${s}`))).toBe(true)

    await page.getByRole('button', { name: en.theme.label }).click()
    await page.getByRole('menuitem', { name: en.theme.light }).click()
    await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'light')
    const light = await bodyBackground(page)
    await page.getByRole('button', { name: en.theme.label }).click()
    await page.getByRole('menuitem', { name: en.theme.dark }).click()
    await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark')
    const dark = await bodyBackground(page)
    expect(dark).not.toBe(light)

    await page.reload()
    await expect(enGrid.getByRole('button').first()).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark')
    expect(await bodyBackground(page)).toBe(dark)
    await expect(page.getByRole('navigation', { name: en.nav.label })).toBeVisible()
  })
})

test.describe('a shift by keyboard only', () => {
  test('Tab to the grid, arrows between tiles, the drawer with its timeline, the menu', async ({
    page,
  }) => {
    await signIn(page, 'lead')
    await openFloor(page)
    await page.locator('body').click({ position: { x: 1, y: 1 } }) // start from the top

    // Tab reaches the grid through the toolbar, skipping nothing it cannot leave.
    const first = await tabUntil(page, (f) => f.agentId !== null, 60)
    await page.keyboard.press('ArrowRight')
    const second = await focused(page)
    expect(second.agentId).not.toBeNull()
    expect(second.agentId).not.toBe(first.agentId)
    await page.keyboard.press('ArrowDown')
    const third = await focused(page)
    expect(third.agentId).not.toBeNull()
    expect(third.agentId).not.toBe(second.agentId)
    await page.keyboard.press('ArrowLeft')
    const agentId = (await focused(page)).agentId!
    await expect(page.locator(`[data-agent-id="${agentId}"]`)).toBeFocused()

    // Enter opens the agent's details, with today's timeline.
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog', { name: zh.agent.title })
    await expect(drawer).toBeVisible()
    await expect(drawer).toContainText(agentId)
    const strip = drawer.getByRole('list', { name: zh.timeline.stripLabel })
    await expect(strip).toBeVisible({ timeout: 10_000 })
    // The strip is one Tab stop inside the drawer; the arrows step through its states.
    const onStrip = await tabUntil(page, (f) => f.role === 'listitem', 30)
    expect(onStrip.inDialog).toBe(true)
    expect(onStrip.label).toMatch(/至 现在/) // the current state, at the live edge
    await expect(page.getByRole('tooltip')).toBeVisible()
    await page.keyboard.press('Home')
    const earliest = await focused(page)
    expect(earliest.role).toBe('listitem')
    // Focus stays in the drawer while it is open (no way out but closing it).
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      expect((await focused(page)).inDialog).toBe(true)
    }

    // Escape closes it and gives the focus back to the tile.
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await expect(page.locator(`[data-agent-id="${agentId}"]`)).toBeFocused()

    // Shift+F10 opens the supervisor's menu on the tile; arrows move, Escape closes.
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu')
    await expect(menu).toBeVisible()
    await expect(menu.getByRole('menuitem', { name: zh.actions.details })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(menu.getByRole('menuitem', { name: zh.actions.details })).not.toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
    await expect(page.locator(`[data-agent-id="${agentId}"]`)).toBeFocused()
  })
})

test.describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`the floor and the calls page in the ${theme} theme`, async ({ page }, testInfo) => {
      test.setTimeout(180_000)
      await page.addInitScript((mode) => localStorage.setItem('wellcloud.theme', mode), theme)
      await signIn(page, 'lead')
      await aCallWithTalk(page.request) // so the calls page has rows to show

      await openFloor(page)
      await expect(page.locator('html')).toHaveAttribute('data-color-scheme', theme)
      await keepScreenshot(page, testInfo, `floor-${theme}`)

      await page.getByRole('link', { name: zh.callRecords.nav }).click()
      const rows = page.getByRole('grid', { name: zh.callRecords.gridLabel }).getByRole('row')
      await expect(rows.nth(1)).toBeVisible({ timeout: 20_000 })
      await keepScreenshot(page, testInfo, `calls-${theme}`)
    })
  }
})
