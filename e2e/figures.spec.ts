import type { Page } from '@playwright/test'
import type { TodayFigures } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

// The simulator's two departments (server/simulator/agent-model.ts), by the floor's key.
const DEPT_1 = { key: 'org-1-1', name: '客服一部' }

async function apiFigures(page: Page, query = ''): Promise<TodayFigures> {
  const res = await page.request.get(`/api/figures${query}`)
  expect(res.ok()).toBe(true)
  return (await res.json()) as TodayFigures
}

const panel = (page: Page) => page.getByRole('complementary', { name: zh.figures.title })
const figure = (page: Page, key: string) => panel(page).locator(`[data-figure="${key}"] dd`).first()
const shownNumber = async (page: Page, key: string) => Number(await figure(page, key).textContent())

test.describe("today's figures", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'lead')
  })

  test('follow the department filter, and say which cannot', async ({ page }) => {
    test.setTimeout(150_000)
    // Enough calls ended in both departments for the difference to show.
    await expect
      .poll(async () => (await apiFigures(page, `?dept=${DEPT_1.key}`)).total.answered, {
        timeout: 100_000,
        intervals: [2_000],
      })
      .toBeGreaterThanOrEqual(3)

    await page.goto('/')
    await expect(panel(page).getByText(zh.figures.scopeAll)).toBeVisible()
    await expect(figure(page, 'answered')).not.toHaveText('0')
    // Center-wide, nothing says "all departments".
    await expect(panel(page).getByText(zh.figures.allDepts)).toHaveCount(0)

    await page.getByRole('combobox', { name: zh.floor.deptFilter }).click()
    await page.getByRole('option', { name: DEPT_1.name }).click()
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(new RegExp(`dept=${DEPT_1.key}`))

    await expect(panel(page).getByText(zh.figures.scopeFiltered)).toBeVisible()
    // The answering agents' figures are the department's: what the relay counts for it, and
    // fewer than the whole floor's (the other department answers too).
    await expect(async () => {
      const shown = await shownNumber(page, 'answered')
      const [dept, all] = await Promise.all([
        apiFigures(page, `?dept=${DEPT_1.key}`),
        apiFigures(page),
      ])
      expect(shown).toBe(dept.total.answered)
      expect(shown).toBeLessThan(all.total.answered)
    }).toPass({ timeout: 20_000 })
    // The queue's figures cannot follow a department, and say so.
    await expect(panel(page).locator('[data-figure="offered"]')).toContainText(zh.figures.allDepts)
    await expect(panel(page).locator('[data-figure="answered"]')).not.toContainText(
      zh.figures.allDepts,
    )

    // The definition is a hover (or keyboard focus) away.
    await panel(page).locator('[data-figure="aht"]').hover()
    await expect(page.getByRole('tooltip')).toContainText('话后处理')
  })
})
