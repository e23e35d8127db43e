import type { Page } from '@playwright/test'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

/*
 * Sign-in, roles and wall-screen links, in the real built app against the real relay and
 * simulator in demo mode (admin/admin, lead/lead, viewer/viewer).
 */

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })
const nav = (page: Page) => page.getByRole('navigation', { name: zh.nav.label })
const signInButton = (page: Page) => page.getByRole('button', { name: zh.auth.submit, exact: true })

test.describe('signing in', () => {
  test('the sign-in page lists the demo accounts with their roles', async ({ page }) => {
    await page.goto('/login')
    const demo = page.getByRole('region', { name: zh.auth.demoTitle })
    await expect(demo).toBeVisible()
    for (const [username, role] of [
      ['admin', zh.roles.admin],
      ['lead', zh.roles.supervisor],
      ['viewer', zh.roles.viewer],
    ] as const) {
      await expect(
        demo.getByRole('button', { name: `使用演示账号 ${username}（${role}）` }),
      ).toBeVisible()
    }
  })

  test('a wrong password says so', async ({ page }) => {
    await page.goto('/login')
    await page.getByLabel(new RegExp(`^${zh.auth.username}`)).fill('viewer')
    // Not the show-password button ("显示密码"): the field whose label starts with 密码.
    await page.getByLabel(new RegExp(`^${zh.auth.password}`)).fill('not-the-password')
    await signInButton(page).click()
    await expect(page.getByRole('alert')).toHaveText(zh.auth.badCredentials)
    await expect(page).toHaveURL(/\/login/)
  })

  test('lead signs in, watches the floor fill, signs out, and is asked to sign in again', async ({
    page,
  }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/login/)
    await page.getByRole('button', { name: `使用演示账号 lead（${zh.roles.supervisor}）` }).click()
    await signInButton(page).click()

    await expect(page).toHaveURL(/\/$/)
    await expect
      .poll(() => grid(page).getByRole('button').count(), { timeout: 30_000 })
      .toBeGreaterThan(10)
    await expect(nav(page).getByRole('link', { name: zh.nav.admin })).toHaveCount(0)

    await page.getByRole('button', { name: '账号：lead' }).click()
    await expect(page.getByRole('menu')).toContainText(zh.roles.supervisor)
    await page.getByRole('menuitem', { name: zh.auth.signOut }).click()
    await expect(page).toHaveURL(/\/login$/)
    await expect(signInButton(page)).toBeVisible()

    await page.goto('/')
    await expect(page).toHaveURL(/\/login/)
    await expect(signInButton(page)).toBeVisible()
  })
})

test.describe('roles', () => {
  test('a viewer sees no 管理 navigation, and the admin pages say 403 kindly', async ({ page }) => {
    await signIn(page, 'viewer')
    await page.goto('/')
    await expect(nav(page).getByRole('link', { name: zh.nav.floor })).toBeVisible()
    await expect(nav(page).getByRole('link', { name: zh.nav.admin })).toHaveCount(0)

    await page.goto('/admin/users')
    await expect(page.getByText(zh.forbidden.title)).toBeVisible()
    await expect(page.getByRole('button', { name: zh.users.add })).toHaveCount(0)
    await page.getByRole('link', { name: zh.forbidden.back }).click()
    await expect(page).toHaveURL(/\/$/)
  })
})

test.describe('admin', () => {
  test('adds a user with a temporary password, and mints, uses and revokes a wall-screen link', async ({
    page,
    browser,
    request,
    baseURL,
  }) => {
    await signIn(page, 'admin')
    await page.goto('/')
    await nav(page).getByRole('link', { name: zh.nav.admin }).click()
    await expect(page).toHaveURL(/\/admin\/users$/)

    // A viewer without a password: the relay makes a temporary one, shown this once.
    const username = `e2e${Date.now() % 1_000_000}`
    await page.getByRole('button', { name: zh.users.add }).click()
    const form = page.getByRole('dialog', { name: zh.users.createTitle })
    await form.getByLabel(zh.users.username).fill(username)
    await form.getByRole('button', { name: zh.common.create }).click()
    const shown = page.getByRole('dialog', { name: `${username} 的临时密码` })
    await expect(shown).toContainText(zh.users.tempPasswordWarning)
    const password = await shown.getByLabel(zh.users.tempPasswordLabel).inputValue()
    expect(password.length).toBeGreaterThanOrEqual(8)
    await shown.getByRole('button', { name: zh.common.close }).click()
    const row = page.getByRole('row').filter({ hasText: username })
    await expect(row).toContainText(zh.roles.viewer)
    // The password works (from a client of its own, so the page stays signed in as admin).
    const res = await request.post('/api/auth/login', { data: { username, password } })
    expect(res.status()).toBe(204)

    // A wall-screen link, opened by a screen that has never signed in.
    await page.goto('/admin/kiosks')
    const screenName = `大屏 ${username}`
    await page.getByRole('button', { name: zh.kiosks.add }).click()
    const kioskForm = page.getByRole('dialog', { name: zh.kiosks.createTitle })
    await kioskForm.getByLabel(zh.kiosks.name).fill(screenName)
    await kioskForm.getByRole('button', { name: zh.common.create }).click()
    const linkDialog = page.getByRole('dialog', { name: zh.kiosks.linkTitle })
    const url = await linkDialog.getByLabel(zh.kiosks.linkLabel).inputValue()
    expect(url).toMatch(new RegExp(`^${baseURL}/k/[\\w-]+$`))
    await linkDialog.getByRole('button', { name: zh.common.close }).click()

    const screenContext = await browser.newContext()
    try {
      const wall = await screenContext.newPage()
      await wall.goto(url)
      await expect(wall).toHaveURL(/\/wall$/)
      await expect(wall.getByRole('heading', { name: zh.wall.title })).toBeVisible()
      await expect(wall.getByText(screenName)).toBeVisible()
      await expect
        .poll(() => wall.locator('[data-agent-id]').count(), { timeout: 30_000 })
        .toBeGreaterThan(10)
      await expect(wall.getByRole('navigation')).toHaveCount(0)

      // Revoked: the screen is signed out at once and says why.
      await page.reload()
      await page.getByRole('button', { name: `吊销 ${screenName}` }).click()
      await page
        .getByRole('dialog', { name: `吊销大屏链接“${screenName}”？` })
        .getByRole('button', { name: zh.admin.confirmRevoke })
        .click()
      await expect(page.getByRole('row').filter({ hasText: screenName })).toContainText(
        zh.admin.revoked,
      )
      await expect(wall).toHaveURL(/\/login\?kiosk=invalid$/, { timeout: 15_000 })
      await expect(wall.getByText(zh.auth.kioskInvalid)).toBeVisible()

      // And the link no longer opens anything.
      await wall.goto(url)
      await expect(wall).toHaveURL(/\/login\?kiosk=invalid$/)
    } finally {
      await screenContext.close()
    }
  })
})
