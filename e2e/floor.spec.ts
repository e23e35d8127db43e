import type { Page, WebSocketRoute } from '@playwright/test'
import type { FloorSnapshot } from '@/shared/floor'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'
import { carriesLink, expect, platformAgentEvents, signIn, test } from './fixtures'

const agentEvent = platformAgentEvents(8_000_000_000_000_000)

const tile = (page: Page, agentId: string) => page.locator(`[data-agent-id="${agentId}"]`)
const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })

async function serverFloor(page: Page): Promise<FloorSnapshot> {
  const res = await page.request.get('/api/floor')
  expect(res.ok()).toBe(true)
  return (await res.json()) as FloorSnapshot
}

test.describe('the live floor', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'lead')
  })

  test('its hints, menus and lists open at once and answer the keyboard', async ({ page }) => {
    await page.goto('/')
    await expect(grid(page).getByRole('button').first()).toBeVisible({ timeout: 30_000 })
    const themeButton = page.getByRole('button', { name: zh.theme.label })
    await themeButton.hover()
    await expect(page.getByRole('tooltip', { name: zh.theme.label })).toBeVisible()

    // The sort's list, by keyboard: opens on the current order, the fourth is by name.
    const sort = page.getByRole('combobox', { name: zh.floor.sortLabel })
    await sort.focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('option', { name: zh.floorOrder.sortExceptions })).toBeFocused()
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(sort).toHaveText(zh.floor.sortName)
    await expect(sort).toBeFocused()

    // The bell's menu opens and Escape gives the focus back.
    const bell = page.getByRole('button', { name: zh.alerts.buttonOff })
    await bell.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menu', { name: zh.alerts.menuLabel })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(bell).toBeFocused()

    // Dark, then English, by keyboard from the app bar.
    await themeButton.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menuitem', { name: zh.theme.system })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.locator('html')).toHaveAttribute('data-color-scheme', 'dark')
    await expect(themeButton).toBeFocused()
    const languageButton = page.getByRole('button', { name: zh.language.label })
    await languageButton.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menuitem', { name: zh.language.zh })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: en.floor.gridLabel })).toBeVisible()
  })

  test('fills with the simulated agents and shows who is on a call', async ({ page }) => {
    await page.goto('/')
    await expect(
      page.getByRole('status', {
        name: `${zh.connection.indicatorLabel.replace('{{status}}', zh.connection.live)}`,
      }),
    ).toBeVisible()
    await expect
      .poll(() => grid(page).getByRole('button').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(30)
    // The header counts the agents the relay holds, and the family chips add up to it (agents
    // keep logging in, so compare until both sides agree).
    await expect
      .poll(async () => {
        const held = (await serverFloor(page)).agents.length
        const shown = await page.getByText(/共 \d+ 名坐席/).textContent()
        const chips = await page
          .getByRole('group', { name: zh.floor.familyFilterLabel })
          .getByRole('button')
          .allTextContents()
        const chipSum = chips.reduce((sum, t) => sum + Number(/(\d+)\s*$/.exec(t)?.[1] ?? 0), 0)
        return {
          matches: shown?.includes(`共 ${held} 名坐席`) === true && chipSum === held,
          atLeast30: held >= 30,
        }
      })
      .toEqual({ matches: true, atLeast30: true })
  })

  test('a webhook posted now changes the right tile within a second', async ({ page, app }) => {
    await page.goto('/')
    // Each agent is watched through the search, so a re-sort cannot move its tile out of view.
    const search = page.getByRole('searchbox', { name: zh.floor.searchLabel })
    await search.fill('5003')
    const target = tile(page, '5003@test.cc')
    await expect(target).toBeVisible({ timeout: 30_000 })
    const name = `测试坐席${test.info().repeatEachIndex}`
    expect(
      await app.post(
        agentEvent({ id: '5003@test.cc', acState: 'Aux', name, reason: 'MonitorLock' }),
      ),
    ).toBe(200)
    await expect(target).toHaveAttribute('aria-label', new RegExp(`${name}.*${zh.states.Aux}`), {
      timeout: 1_000,
    })
    // Only that tile changed.
    await search.fill(name)
    await expect(grid(page).getByRole('button')).toHaveCount(1)
    await expect(target).toBeVisible()

    const newcomer = agentEvent({
      id: '5999@test.cc',
      acState: 'InboundTalking',
      name: '新来的',
      callId: 'e2e-call-1',
      workSkill: '7001@test.cc',
    })
    await search.fill('5999')
    expect(await app.post(newcomer)).toBe(200)
    await expect(tile(page, '5999@test.cc')).toHaveAttribute(
      'aria-label',
      new RegExp(zh.states.InboundTalking),
      { timeout: 1_000 },
    )
    await expect(grid(page).getByRole('button')).toHaveCount(1)
  })

  test('after the connection drops and comes back, the grid equals the server', async ({
    page,
    app,
  }) => {
    let down = false
    const sockets: WebSocketRoute[] = []
    // Cut the page's link to the relay (both socket.io transports) without touching the relay.
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
    await page.goto('/')
    // Watch one agent through the search, so a re-sort cannot move its tile out of view.
    const search = page.getByRole('searchbox', { name: zh.floor.searchLabel })
    await search.fill('5010')
    await expect(tile(page, '5010@test.cc')).toBeVisible({ timeout: 30_000 })
    // socket.io starts on long-polling and upgrades; cut only once the websocket carries the link
    // (an in-flight long poll cannot be cut from here).
    await expect.poll(() => sockets.length).toBeGreaterThan(0)

    down = true
    await Promise.all(sockets.map((ws) => ws.close()))
    await expect(
      page.getByRole('status', { name: new RegExp(zh.connection.reconnecting) }),
    ).toBeVisible()
    // Meanwhile the floor moves on.
    expect(
      await app.post(agentEvent({ id: '5010@test.cc', acState: 'Acw', name: '断线期间' })),
    ).toBe(200)
    expect(
      await app.post(agentEvent({ id: '5998@test.cc', acState: 'Aux', name: '断线期间新人' })),
    ).toBe(200)

    down = false
    await expect(tile(page, '5010@test.cc')).toHaveAttribute(
      'aria-label',
      new RegExp(zh.states.Acw),
      { timeout: 20_000 },
    )
    await expect(page.getByRole('status', { name: new RegExp(zh.connection.live) })).toBeVisible()
    await search.fill('')

    // Every tile on screen shows what the relay holds (the simulator keeps moving, so poll).
    await expect
      .poll(
        async () => {
          const floor = await serverFloor(page)
          const server = new Map(floor.agents.map((a) => [a.id, zh.states[a.acState]]))
          const shown = await page
            .locator('[data-agent-id]')
            .evaluateAll((els) =>
              els.map(
                (el) => [el.getAttribute('data-agent-id'), el.getAttribute('aria-label')] as const,
              ),
            )
          const mismatched = shown.filter(
            ([id, label]) => !id || !label?.includes(server.get(id) ?? '\u0000'),
          )
          return {
            onScreen: shown.length,
            mismatched: mismatched.length,
            serverHas5998: server.has('5998@test.cc'),
          }
        },
        { timeout: 15_000 },
      )
      .toEqual(expect.objectContaining({ mismatched: 0, serverHas5998: true }))
    await search.fill('5998')
    await expect(tile(page, '5998@test.cc')).toBeVisible()
  })
})
