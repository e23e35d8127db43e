import type { WebSocketRoute } from '@playwright/test'
import { formatEventTime } from '@/shared/platform-time'
import { zh } from '@/locales/zh'
import { carriesLink, expect, platformAgentEvents, signIn, test } from './fixtures'
import { FITS, grid, layoutOf, pageIndicator, serverAgents, shot, tiles } from './wall-helpers'

const agentEvent = platformAgentEvents(8_500_000_000_000_000)

/*
 * The wall screen, as a screen across the room shows it: every agent without scrolling (or in
 * pages that turn by themselves), the platform's time, and a plain notice when data stops.
 * Screenshots of the wall are attached to each test's results. 500 agents: wall-500.spec.ts.
 */

test.describe('the wall screen at 1920 × 1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test.beforeEach(async ({ page }) => {
    await signIn(page, 'lead')
  })

  test.describe('in a browser set to New York time', () => {
    test.use({ timezoneId: 'America/New_York' })

    test('fits the whole floor of 60 agents, dark, with the platform’s time', async ({
      page,
    }, testInfo) => {
      await page.goto('/wall')
      await expect(page.getByRole('heading', { name: zh.wall.title })).toBeVisible()
      // Agents keep logging in: wait until every agent the relay holds has a tile.
      await expect
        .poll(async () => (await tiles(page).count()) === (await serverAgents(page)), {
          timeout: 30_000,
        })
        .toBe(true)
      expect(await tiles(page).count()).toBeGreaterThanOrEqual(30)
      await expect(pageIndicator(page)).toHaveCount(0)
      expect(await layoutOf(page)).toEqual(FITS)

      // Dark whatever the theme, and type large enough for the room.
      const look = await page.evaluate(() => {
        const main = document.querySelector('main')
        const name = document.querySelector('[data-agent-id] .wall-name')
        const rgb = (main ? getComputedStyle(main).backgroundColor : '').match(/\d+/g)?.map(Number)
        return {
          background: rgb ? Math.max(...rgb.slice(0, 3)) : 255,
          nameSize: name ? parseFloat(getComputedStyle(name).fontSize) : 0,
        }
      })
      expect(look.background).toBeLessThan(40)
      expect(look.nameSize).toBeGreaterThanOrEqual(24)

      // The clock says Shanghai's time, not New York's.
      const clock = page.locator('[data-clock]')
      await expect
        .poll(async () => {
          const shown = (await clock.textContent()) ?? ''
          const near = [-1_000, 0, 1_000].map((d) =>
            formatEventTime(Date.now() + d, 'Asia/Shanghai').slice(11, 19),
          )
          return near.includes(shown)
        })
        .toBe(true)
      await expect(page.getByText(zh.wall.platformTime, { exact: false })).toBeVisible()
      await shot(page, testInfo, 'wall-60-agents-1920x1080')
    })
  })

  test('says how old the data is when the link drops, and recovers by itself', async ({
    page,
    app,
  }, testInfo) => {
    let down = false
    const sockets: WebSocketRoute[] = []
    // Cut the page's link to the relay (both socket.io transports), as floor.spec.ts does.
    await page.route('**/socket.io/**', (route) =>
      down ? route.abort('internetdisconnected') : route.continue(),
    )
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (down) {
        void ws.close()
        return
      }
      const server = ws.connectToServer()
      ws.onMessage((message) => {
        if (carriesLink(message)) sockets.push(ws)
        server.send(message)
      })
    })
    await page.goto('/wall')
    await expect.poll(() => tiles(page).count(), { timeout: 30_000 }).toBeGreaterThan(10)
    await expect.poll(() => sockets.length).toBeGreaterThan(0)
    const notice = page.getByRole('status').filter({ hasText: /数据已 .+未更新/ })
    await expect(notice).toHaveCount(0)

    down = true
    await Promise.all(sockets.map((ws) => ws.close()))
    await expect(notice).toBeVisible({ timeout: 15_000 })
    await expect(notice).toContainText(zh.wall.staleReconnecting)
    await expect(notice).toHaveText(/数据已 \d+ 秒未更新/)
    // It counts up with the clock.
    const first = Number(/(\d+) 秒/.exec((await notice.textContent()) ?? '')?.[1])
    await expect
      .poll(async () => Number(/(\d+) 秒/.exec((await notice.textContent()) ?? '')?.[1]))
      .toBeGreaterThan(first)
    await shot(page, testInfo, 'wall-stale-notice')

    // The floor moves on meanwhile.
    const name = `断线期间${testInfo.repeatEachIndex}`
    expect(await app.post(agentEvent({ id: '5996@test.cc', acState: 'Aux', name }))).toBe(200)

    down = false
    await expect(notice).toHaveCount(0, { timeout: 30_000 })
    await expect(page.getByText(zh.wall.live, { exact: true })).toBeVisible()
    await expect(grid(page).locator('[data-agent-id="5996@test.cc"]')).toHaveAttribute(
      'aria-label',
      new RegExp(`${name}.*${zh.states.Aux}`),
      { timeout: 15_000 },
    )
    // And keeps flowing: a change made now shows within seconds.
    expect(await app.post(agentEvent({ id: '5996@test.cc', acState: 'Acw', name }))).toBe(200)
    await expect(grid(page).locator('[data-agent-id="5996@test.cc"]')).toHaveAttribute(
      'aria-label',
      new RegExp(`${name}.*${zh.states.Acw}`),
      { timeout: 5_000 },
    )
    await shot(page, testInfo, 'wall-recovered')
  })

  test('a wall-screen link opens the wall, and only the wall', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    await signIn(page, 'admin')
    const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value ?? ''
    const res = await page.request.post('/api/kiosks', {
      data: { name: `走廊大屏 ${testInfo.repeatEachIndex}` },
      headers: { 'x-csrf-token': csrf },
    })
    expect(res.status()).toBe(201)
    const { path } = (await res.json()) as { path: string }

    const screen = await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } })
    try {
      const wall = await screen.newPage()
      await wall.goto(path)
      await expect(wall).toHaveURL(/\/wall$/)
      await expect(wall.getByRole('heading', { name: zh.wall.title })).toBeVisible()
      await expect.poll(() => tiles(wall).count(), { timeout: 30_000 }).toBeGreaterThan(10)
      // Nothing to leave for: no way back to the floor, no navigation.
      await expect(wall.getByRole('link', { name: zh.wall.back })).toHaveCount(0)
      await expect(wall.getByRole('navigation')).toHaveCount(0)
      await wall.goto('/')
      await expect(wall).toHaveURL(/\/wall$/)
      // The wall's code loads after the redirect; once drawn, it fits.
      await expect.poll(() => layoutOf(wall)).toEqual(FITS)
      await shot(wall, testInfo, 'wall-kiosk')
    } finally {
      await screen.close()
    }
  })
})
