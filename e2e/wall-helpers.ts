import type { Page, TestInfo } from '@playwright/test'
import type { FloorSnapshot } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect } from './fixtures'

/** What the wall specs share: where the tiles are, and whether the wall fits its screen. */
export const grid = (page: Page) => page.getByRole('region', { name: zh.wall.gridLabel })
export const tiles = (page: Page) => grid(page).locator('[data-agent-id]')
export const pageIndicator = (page: Page) => page.getByText(/^第 \d+ \/ \d+ 页$/)

/** A screenshot kept in the test's output folder (an artifact of the run) and attached to its result. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\w-]+/g, '_')}.png`)
  await page.screenshot({ path, animations: 'disabled' }) // pages fade in: show them settled
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

export async function serverAgents(page: Page): Promise<number> {
  const res = await page.request.get('/api/floor')
  expect(res.ok()).toBe(true)
  return ((await res.json()) as FloorSnapshot).agents.length
}

/** Nothing scrolls, and every tile lies inside the window. */
export async function layoutOf(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement
    const box = document.querySelector<HTMLElement>('[data-wall-grid]')
    const outside = [...document.querySelectorAll('[data-agent-id]')].filter((el) => {
      const r = el.getBoundingClientRect()
      return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth
    }).length
    return {
      docScrolls: doc.scrollHeight > doc.clientHeight || doc.scrollWidth > doc.clientWidth,
      gridScrolls: box
        ? box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth
        : true,
      outside,
    }
  })
}

export const FITS = { docScrolls: false, gridScrolls: false, outside: 0 }
