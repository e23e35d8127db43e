import type { Page } from '@playwright/test'
import type { FloorSnapshot } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

/*
 * The floor's densities on a desk screen, with more agents than the tiles fit. Its own file,
 * because the simulator's flags are chosen per worker.
 */
test.use({ simArgs: '--agents 150 --seed 3 --speed 2', viewport: { width: 1920, height: 1080 } })

const densityButton = (page: Page, name: string) =>
  page.getByRole('group', { name: zh.density.label }).getByRole('button', { name })
const table = (page: Page) => page.getByRole('grid', { name: zh.floorTable.label })
const agentRows = (page: Page) => table(page).locator('[role="row"][data-id*="@"]')

async function serverAgents(page: Page): Promise<number> {
  const res = await page.request.get('/api/floor')
  return ((await res.json()) as FloorSnapshot).agents.length
}

/** How many elements matching `selector` lie wholly inside the window. */
function whollyVisible(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const h = window.innerHeight
    const w = window.innerWidth
    return [...document.querySelectorAll(sel)].filter((el) => {
      const r = el.getBoundingClientRect()
      return r.height > 0 && r.top >= 0 && r.bottom <= h && r.left >= 0 && r.right <= w
    }).length
  }, selector)
}

/** The ids in the id column, top to bottom, as shown. */
function shownIds(page: Page): Promise<string[]> {
  return agentRows(page)
    .locator('[data-field="shortId"]')
    .evaluateAll((cells) =>
      cells
        .map((c) => ({ top: c.getBoundingClientRect().top, text: c.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((c) => c.text),
    )
}

test.describe('the floor’s densities', () => {
  test('compact tiles put more than 100 agents on one screen', async ({ page }) => {
    test.setTimeout(120_000)
    await signIn(page, 'lead')
    await page.goto('/')
    await expect.poll(() => serverAgents(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(120)
    await densityButton(page, zh.density.compact).click()
    await expect(densityButton(page, zh.density.compact)).toHaveAttribute('aria-pressed', 'true')
    await expect
      .poll(() => whollyVisible(page, '[data-agent-id][data-compact]'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(100)
  })

  test('the table sorts, groups with subtotals, opens an agent by keyboard, and stays after a reload', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    await signIn(page, 'lead')
    await page.goto('/')
    await expect.poll(() => serverAgents(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(60)
    await densityButton(page, zh.density.table).click()
    await expect(table(page)).toBeVisible()
    await expect.poll(() => agentRows(page).count()).toBeGreaterThan(20)

    // Dense rows: at most 32 px each, so a 1080-px screen holds the whole viewport of them.
    const heights = await agentRows(page).evaluateAll((rows) =>
      rows.slice(0, 10).map((r) => r.getBoundingClientRect().height),
    )
    for (const h of heights) expect(h).toBeLessThanOrEqual(32)
    expect(await whollyVisible(page, '[role="row"][data-id*="@"]')).toBeGreaterThanOrEqual(25)

    // Sort by id: ascending, then descending, numbers in order.
    const idHeader = table(page).getByRole('columnheader', { name: zh.floorTable.id })
    await idHeader.click()
    await expect(idHeader).toHaveAttribute('aria-sort', 'ascending')
    const up = (await shownIds(page)).map(Number)
    expect(up.length).toBeGreaterThan(20)
    expect(up).toEqual([...up].sort((a, b) => a - b))
    await idHeader.click()
    await expect(idHeader).toHaveAttribute('aria-sort', 'descending')
    const down = (await shownIds(page)).map(Number)
    expect(down).toEqual([...down].sort((a, b) => b - a))

    // Grouped by department: each group's header says its agents, calls and handle time.
    await page.getByRole('combobox', { name: zh.floorTable.groupBy }).click()
    await page.getByRole('option', { name: zh.floorTable.groupDept }).click()
    const groupHeaders = table(page).locator('[role="row"][data-id^="group:dept:"]')
    await expect(groupHeaders.first()).toBeVisible()
    await expect(groupHeaders.first()).toContainText(/\d+ 名坐席 · 接听 \d+ · 平均处理 /)

    // One Tab stop: arrows move inside; Enter opens the agent's details.
    const firstCell = agentRows(page).first().locator('[data-field="name"]')
    await firstCell.click()
    // The click opened the action menu, as on a tile; closing it gives the focus back.
    await expect(page.getByRole('menu')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('menu')).toBeHidden()
    await page.keyboard.press('ArrowDown')
    // The agent whose row has the focus now (rows are keyed by agent id).
    const focusedId = await page.evaluate(
      () => document.activeElement?.closest<HTMLElement>('[role="row"]')?.dataset.id ?? '',
    )
    expect(focusedId).toMatch(/@/)
    await page.keyboard.press('Enter')
    const drawer = page.getByRole('dialog')
    await expect(drawer).toBeVisible()
    await expect(drawer).toContainText(focusedId)
    await page.keyboard.press('Escape')

    // The choice is the lead's own: a plain floor link opens as a table again.
    await page.goto('/')
    await expect(densityButton(page, zh.density.table)).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByRole('combobox', { name: zh.floorTable.groupBy })).toContainText(
      zh.floorTable.groupDept,
      { timeout: 30_000 },
    )
    await expect(table(page)).toBeVisible()
  })
})
