import type { Page } from '@playwright/test'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'
import { textOverflows } from './text-overflow'
import { serverAgents, shot } from './wall-helpers'

/*
 * Every label whole, in Chinese and English, on a laptop, a desk screen and a 4K wall, with an
 * 800-agent floor under live traffic; and the wall's heatmap for a floor that big. Its own
 * file, because the simulator's flags are chosen per worker.
 */
test.use({ simArgs: '--agents 800 --seed 11 --speed 4' })

const LANGS = { zh, en } as const
type Lang = keyof typeof LANGS
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const

/** Signs the lead in with the console in `lang`, once the simulator has most of its floor in. */
async function openAs(page: Page, lang: Lang, path: string): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('wellcloud.language', l), lang)
  await signIn(page, 'lead')
  await expect.poll(() => serverAgents(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(600)
  await page.goto(path)
}

/** Nothing on the page overflows or is cut: the failure names each label that is. */
async function expectWhole(page: Page, where: string): Promise<void> {
  const overflows = await textOverflows(page)
  expect(overflows, `${where}: ${JSON.stringify(overflows)}`).toEqual([])
}

for (const lang of ['zh', 'en'] as const) {
  const m = LANGS[lang]
  for (const size of SIZES) {
    const name = `${lang} ${size.width}×${size.height}`
    test(`every label is whole on the floor and the wall, ${name}`, async ({ page }, testInfo) => {
      test.setTimeout(300_000)
      // A 4K screenshot takes this machine longer than the checks: kept for the smaller sizes.
      const info = size.width < 3840 ? testInfo : null
      await page.setViewportSize(size)
      await openAs(page, lang, '/?density=tiles')
      const floor = page.getByRole('region', { name: m.floor.gridLabel })
      await expect
        .poll(() => floor.locator('[data-agent-id]').count(), { timeout: 30_000 })
        .toBeGreaterThan(20)
      await expectWhole(page, `floor, tiles, ${name}`)
      if (info) await shot(page, info, `floor-tiles-${lang}-${size.width}`)

      const densities = page.getByRole('group', { name: m.density.label })
      await densities.getByRole('button', { name: m.density.compact, exact: true }).click()
      await expect
        .poll(() => floor.locator('[data-compact]').count(), { timeout: 30_000 })
        .toBeGreaterThan(20)
      await expectWhole(page, `floor, compact tiles, ${name}`)

      await densities.getByRole('button', { name: m.density.table, exact: true }).click()
      const table = page.getByRole('grid', { name: m.floorTable.label })
      await expect
        .poll(() => table.locator('[role="row"][data-id*="@"]').count(), { timeout: 30_000 })
        .toBeGreaterThan(10)
      await expectWhole(page, `floor, table, ${name}`)
      if (info) await shot(page, info, `floor-table-${lang}-${size.width}`)
      await densities.getByRole('button', { name: m.density.tiles, exact: true }).click()

      // The wall: the heatmap for a floor this size, then the pages it can switch to.
      await page.goto('/wall')
      await expect(page.locator('[data-heat-cell]').first()).toBeVisible({ timeout: 30_000 })
      await expectWhole(page, `wall, heatmap, ${name}`)
      if (info) await shot(page, info, `wall-heatmap-${lang}-${size.width}`)
      await page.getByRole('button', { name: m.wall.mode.pages }).click()
      await expect(page).toHaveURL(/[?&]mode=pages\b/)
      await expect(page.locator('[data-wall-grid] [data-agent-id]').first()).toBeVisible()
      await expectWhole(page, `wall, pages, ${name}`)
      if (info) await shot(page, info, `wall-pages-${lang}-${size.width}`)
    })
  }

  test(`a portrait wall keeps its labels, ${lang} 768×1024`, async ({ page }, info) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width: 768, height: 1024 })
    await openAs(page, lang, '/wall?mode=pages')
    await expect(page.locator('[data-wall-grid] [data-agent-id]').first()).toBeVisible()
    await expectWhole(page, `portrait wall, pages, ${lang}`)
    await page.getByRole('button', { name: m.wall.mode.heatmap }).click()
    await expect(page.locator('[data-heat-cell]').first()).toBeVisible({ timeout: 30_000 })
    await expectWhole(page, `portrait wall, heatmap, ${lang}`)
    await shot(page, info, `wall-portrait-${lang}`)
  })
}

test('a wall with more than 200 agents shows all of them at once: over time as tiles, the rest as a heatmap', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await openAs(page, 'zh', '/wall')
  await expect(page.getByRole('button', { name: zh.wall.mode.heatmap })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  // No pages to wait for.
  await expect(page.getByText(/^第 \d+ \/ \d+ 页$/)).toHaveCount(0)
  const exceptions = page.getByRole('region', { name: zh.wall.exceptionsLabel })
  const heat = page.getByRole('region', { name: zh.wall.heatLabel })
  // Everyone the relay holds is on the screen once: as an exception's tile or as a cell.
  const shown = () =>
    page.evaluate(() => {
      const ids = [...document.querySelectorAll('[data-wall-grid] [data-agent-id]')].map((el) =>
        el.getAttribute('data-agent-id'),
      )
      return { count: ids.length, distinct: new Set(ids).size }
    })
  await expect
    .poll(async () => {
      const [held, now] = await Promise.all([serverAgents(page), shown()])
      return now.count === held && now.distinct === held
    })
    .toBe(true)
  const tiles = await exceptions.locator('[data-agent-id]').count()
  const cells = await heat.locator('[data-heat-cell]').count()
  expect(tiles + cells).toBe((await shown()).count)
  // The legend counts the cells of each state in words, so the colours need not be told apart.
  const legend = heat.getByRole('list', { name: zh.wall.legendLabel })
  await expect(legend.getByRole('listitem')).toHaveCount(7)
  await expect(legend.getByRole('listitem').first()).toHaveText(/就绪\s*\d+/)
  // A cell says whom it stands for.
  await expect(heat.locator('[data-heat-cell]').first()).toHaveAttribute('aria-label', /\S，\S/)

  // The switch back to pages goes into the URL, so a wall-screen link can pin it.
  await page.getByRole('button', { name: zh.wall.mode.pages }).click()
  await expect(page).toHaveURL(/[?&]mode=pages\b/)
  await expect(page.getByText(/^第 \d+ \/ \d+ 页$/)).toBeVisible()
  await expect(page.locator('[data-heat-cell]')).toHaveCount(0)
})
