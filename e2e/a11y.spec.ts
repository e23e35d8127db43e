import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'
import { aCallWithTalk } from './today-calls'

const THEMES = ['light', 'dark'] as const
type Theme = (typeof THEMES)[number]

/** Waits until every CSS transition and animation on the page has run (menus fade in). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))
  })
}

/**
 * Runs axe over the page as it is and fails on any serious or critical violation, naming
 * each rule and where it found it.
 */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await settle(page)
  const { violations } = await new AxeBuilder({ page }).analyze()
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n'),
    )
    .join('\n')
  expect(
    bad.map((v) => v.id),
    `${what}: axe found\n${report}`,
  ).toEqual([])
}

/**
 * Tabs through the page (`stops` times, from where the focus is) and fails on any stop that
 * shows no focus: no outline, no ring (box shadow), and not a field whose frame lights up.
 */
async function expectVisibleFocus(page: Page, what: string, stops: number): Promise<void> {
  const unseen: string[] = []
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      const ring = style.boxShadow !== 'none'
      const field =
        el.matches('input, textarea, select, [role="combobox"], [role="spinbutton"]') &&
        el.closest('.Mui-focused') !== null
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)
      return { shown: outline || ring || field, name: `${el.tagName.toLowerCase()} "${name}"` }
    })
    if (stop && !stop.shown) unseen.push(stop.name)
  }
  expect(unseen, `${what}: focus not visible on`).toEqual([])
}

/** The theme the page starts in, as the theme switch would have remembered it. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((mode) => localStorage.setItem('wellcloud.theme', mode), theme)
}

async function expectTheme(page: Page, theme: Theme): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-color-scheme', theme)
}

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })

/** The floor with its tiles drawn. */
async function openFloor(page: Page): Promise<void> {
  await page.goto('/')
  await expect(grid(page).getByRole('button').first()).toBeVisible({ timeout: 30_000 })
}

for (const theme of THEMES) {
  test.describe(`every page passes axe in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await useTheme(page, theme)
    })

    test('sign-in', async ({ page }) => {
      await page.goto('/login')
      await expect(page.getByRole('button', { name: zh.auth.submit })).toBeVisible()
      await expectTheme(page, theme)
      await expectAccessible(page, 'sign-in')
      await expectVisibleFocus(page, 'sign-in', 10)
    })

    test('floor, the agent drawer and the action menu', async ({ page }) => {
      await signIn(page, 'lead')
      await openFloor(page)
      await expectTheme(page, theme)
      await expectAccessible(page, 'floor')
      await expectVisibleFocus(page, 'floor', 30)

      const tile = grid(page).getByRole('button').first()
      await tile.focus()
      await page.keyboard.press('Enter')
      const drawer = page.getByRole('dialog', { name: zh.agent.title })
      await expect(drawer).toBeVisible()
      await expect(drawer.getByRole('list', { name: zh.timeline.stripLabel })).toBeVisible()
      await expectAccessible(page, 'floor with the agent drawer')
      await expectVisibleFocus(page, 'agent drawer', 12)
      await page.keyboard.press('Escape')
      await expect(drawer).toBeHidden()

      await tile.click()
      await expect(page.getByRole('menu')).toBeVisible()
      await expectAccessible(page, 'floor with the action menu')
      await page.keyboard.press('Escape')
      await expect(page.getByRole('menu')).toBeHidden()

      await page.getByRole('button', { name: zh.views.open, exact: true }).click()
      await expect(page.getByRole('dialog', { name: zh.views.title })).toBeVisible()
      await expectAccessible(page, 'floor with the views list')
      await expectVisibleFocus(page, 'views list', 4)
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: zh.views.save }).click()
      await expect(page.getByRole('dialog', { name: zh.views.saveTitle })).toBeVisible()
      await expectAccessible(page, 'floor with the save-view dialog')
    })

    test('calls list, and a call with its player', async ({ page }) => {
      test.setTimeout(180_000)
      await signIn(page, 'lead')
      const call = await aCallWithTalk(page.request)
      await page.goto('/calls')
      await expect(
        page.getByRole('grid', { name: zh.callRecords.gridLabel }).getByRole('row').nth(1),
      ).toBeVisible({ timeout: 20_000 })
      await expectTheme(page, theme)
      await expectAccessible(page, 'calls list')
      await expectVisibleFocus(page, 'calls list', 25)

      await page.goto(`/calls/${encodeURIComponent(call.callId)}`)
      const player = page.getByRole('region', { name: zh.player.label })
      await expect(player.getByRole('button', { name: zh.player.play })).toBeEnabled({
        timeout: 20_000,
      })
      await expectAccessible(page, 'call detail with the player')
      await expectVisibleFocus(page, 'call detail', 25)
    })

    test('profile and the admin pages', async ({ page, app }) => {
      await signIn(page, 'admin')
      await page.goto('/profile')
      await expect(page.getByRole('heading', { name: zh.profile.title })).toBeVisible()
      await expectTheme(page, theme)
      await expectAccessible(page, 'profile')
      await expectVisibleFocus(page, 'profile', 15)

      await page.goto('/admin/users')
      await expect(page.getByRole('table', { name: zh.users.tableLabel })).toBeVisible()
      await expectAccessible(page, 'admin: users')
      await expectVisibleFocus(page, 'admin: users', 20)

      await page.goto('/admin/kiosks')
      await expect(page.getByRole('heading', { name: zh.kiosks.title })).toBeVisible()
      await expect(page.getByRole('status', { name: zh.kiosks.loading })).toHaveCount(0)
      await expectAccessible(page, 'admin: wall screens')

      await page.goto('/admin/webhook-tokens')
      await expect(page.getByRole('heading', { name: zh.webhookTokens.title })).toBeVisible()
      await expect(page.getByRole('status', { name: zh.webhookTokens.loading })).toHaveCount(0)
      await expectAccessible(page, 'admin: webhook tokens')

      await page.goto('/admin/thresholds')
      await expect(page.getByRole('heading', { name: zh.thresholds.title })).toBeVisible()
      await expectAccessible(page, 'admin: thresholds')
      await expectVisibleFocus(page, 'admin: thresholds', 25)

      await page.goto('/admin/audit')
      await expect(page.getByRole('heading', { name: zh.audit.title })).toBeVisible()
      await expect(page.getByRole('status', { name: zh.audit.loading })).toHaveCount(0)
      await expectAccessible(page, 'admin: audit')
      await expectVisibleFocus(page, 'admin: audit', 20)

      // With a webhook in quarantine, so its card is checked too, below the call-control card.
      await app.post({ eventName: 'agentStateEvent', serial: 1, id: `a11y-${theme}@test.cc` })
      await page.goto('/admin/health')
      await expect(page.getByRole('heading', { name: zh.health.title })).toBeVisible()
      await expect(page.getByRole('heading', { name: zh.health.csta.title })).toBeVisible()
      await expect(page.getByRole('article').first()).toBeVisible()
      await expectAccessible(page, 'admin: health')
      await expectVisibleFocus(page, 'admin: health', 20)
    })

    test('403, 404 and the wall', async ({ page }) => {
      await signIn(page, 'viewer')
      await page.goto('/admin/users')
      await expect(page.getByText(zh.forbidden.title)).toBeVisible()
      await expectTheme(page, theme)
      await expectAccessible(page, '403')
      await expectVisibleFocus(page, '403', 10)

      await page.goto('/no-such-page')
      await expect(page.getByText(zh.notFound.title)).toBeVisible()
      await expectAccessible(page, '404')

      await page.goto('/wall')
      await expect(page.getByRole('heading', { name: zh.wall.title })).toBeVisible()
      await expect(page.locator('[data-agent-id]').first()).toBeVisible({ timeout: 30_000 })
      await expectAccessible(page, 'wall')
      await expectVisibleFocus(page, 'wall', 4)
    })
  })
}
