import type { Locator, Page, TestInfo } from '@playwright/test'
import { formatEventTime } from '@/shared/platform-time'
import { DEFAULT_FAMILY_THRESHOLDS, type FloorSettings } from '@/shared/settings'
import { zh } from '@/locales/zh'
import { carriesLink, expect, platformAgentEvents, signIn, test } from './fixtures'

/*
 * Thresholds on the live floor: a tile's look follows the time its agent has spent in a state,
 * and follows an admin's new thresholds at once.
 */

const agentEvent = platformAgentEvents(8_600_000_000_000_000)

const tile = (page: Page, id: string) => page.locator(`[data-agent-id="${id}"]`)

/** A screenshot kept in the test's output folder and attached to its result. */
async function keep(target: Page | Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await target.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

async function putSettings(page: Page, change: (s: FloorSettings) => FloorSettings) {
  const current = (await (await page.request.get('/api/settings')).json()) as FloorSettings
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await page.request.put('/api/settings', {
    data: change(current),
    headers: { 'x-csrf-token': csrf },
  })
  expect(res.status()).toBe(200)
}

test.describe('thresholds on the floor', () => {
  test('a ringing tile turns amber after 15 s and red after 30 s, on a controlled clock', async ({
    page,
    app,
  }, testInfo) => {
    await signIn(page, 'lead')
    // The page's clock is ours to move. The relay's is not, and the page corrects its timers
    // by the relay's clock on every message: so once the tile shows the call ringing, the
    // link's messages are held back (socket.io's pings still pass, so the link stays up) and
    // only the page's clock moves.
    await page.clock.install()
    let hold = false
    let lastPingAt = 0
    let upgraded = false
    // While held, the relay's heartbeats are replayed with the page's clock as their time: a
    // link silent for longer than STALE_AFTER_MS is not live, and its timers stop (as they should).
    let lastHeartbeat: [string, Record<string, unknown>] | null = null
    let toPage: ((message: string) => void) | null = null
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer()
      toPage = (message) => ws.send(message)
      ws.onMessage((message) => {
        if (carriesLink(message)) upgraded = true
        server.send(message)
      })
      server.onMessage((message) => {
        if (message === '2') lastPingAt = Date.now() // Engine.IO ping
        // The last one the page saw: a later one would name batches it was never sent.
        if (!hold && typeof message === 'string' && message.startsWith('42["floor:heartbeat"'))
          lastHeartbeat = JSON.parse(message.slice(2)) as [string, Record<string, unknown>]
        if (hold && typeof message === 'string' && message.startsWith('4')) return
        ws.send(message)
      })
    })
    /** Moves the page's clock by `ms`, a heartbeat every 5 s as the relay would send. */
    const advance = async (ms: number) => {
      for (let left = ms; left > 0; left -= 5_000) {
        await page.clock.runFor(Math.min(5_000, left))
        const pageNow = await page.evaluate(() => Date.now())
        if (lastHeartbeat && toPage) {
          const [event, payload] = lastHeartbeat
          toPage(`42${JSON.stringify([event, { ...payload, serverTime: pageNow }])}`)
        }
      }
    }
    const id = '5991@test.cc'
    const name = `阈值测试${testInfo.repeatEachIndex}`
    await page.goto('/?q=5991')
    await expect.poll(() => upgraded, { timeout: 30_000 }).toBe(true)
    // Right after a ping, so socket.io's own ping timeout (45 s, on the page's clock) cannot
    // expire while the clock jumps 31 s.
    await expect.poll(() => Date.now() - lastPingAt < 3_000, { timeout: 30_000 }).toBe(true)

    expect(await app.post(agentEvent({ id, acState: 'InboundRinging', name }))).toBe(200)
    await expect(tile(page, id)).toHaveAttribute(
      'aria-label',
      new RegExp(`^${name}.*${zh.states.InboundRinging}$`),
    )
    await expect(tile(page, id)).not.toHaveAttribute('data-breach', /./)
    hold = true

    await advance(16_000)
    await expect(tile(page, id)).toHaveAttribute('data-breach', 'amber')
    await expect(tile(page, id)).toHaveAttribute(
      'aria-label',
      new RegExp(`${zh.thresholds.amber}$`),
    )
    await expect(tile(page, id).locator('[data-breach-icon="amber"]')).toBeVisible()
    await keep(tile(page, id), testInfo, 'tile-amber')

    await advance(15_000)
    await expect(tile(page, id)).toHaveAttribute('data-breach', 'red')
    await expect(tile(page, id)).toHaveAttribute('aria-label', new RegExp(`${zh.thresholds.red}$`))
    await expect(tile(page, id).locator('[data-breach-icon="red"]')).toBeVisible()
    await keep(tile(page, id), testInfo, 'tile-red')

    // Amber and red differ in shape, not only in colour: a dashed edge, then a solid one.
    const edge = (breach: string) =>
      page.evaluate((b) => {
        const el = document.querySelector(`[data-breach="${b}"]`)
        return el ? getComputedStyle(el, '::after').borderTopStyle : null
      }, breach)
    expect(await edge('red')).toBe('solid')
    hold = false
  })

  test('an admin tightens a threshold and the floor follows at once', async ({
    page,
    browser,
    baseURL,
    app,
  }, testInfo) => {
    await signIn(page, 'lead')
    const id = '5992@test.cc'
    const name = `设置测试${testInfo.repeatEachIndex}`
    // Not ready for 3 minutes: well within the 10-minute default.
    expect(
      await app.post(
        agentEvent({
          id,
          acState: 'Aux',
          name,
          stateChangeTime: formatEventTime(Date.now() - 3 * 60_000, 'Asia/Shanghai'),
        }),
      ),
    ).toBe(200)
    await page.goto('/?q=5992')
    await expect(tile(page, id)).toHaveAttribute('aria-label', new RegExp(zh.states.Aux))
    await expect(tile(page, id)).not.toHaveAttribute('data-breach', /./)

    const adminContext = await browser.newContext({ baseURL })
    const admin = await adminContext.newPage()
    try {
      await signIn(admin, 'admin')
      await admin.goto('/admin/thresholds')
      await expect(admin.getByRole('tab', { name: zh.thresholds.tab })).toHaveAttribute(
        'aria-selected',
        'true',
      )
      const fieldName = (level: string) =>
        `${zh.thresholds.allAgents} ${zh.families.notReady} ${level}`
      const field = (level: string) => admin.getByRole('textbox', { name: fieldName(level) })
      const unit = (level: string) =>
        admin.getByRole('combobox', {
          name: zh.thresholds.unitLabel.replace('{{field}}', fieldName(level)),
        })
      // 10 and 20 minutes, shown in minutes.
      await expect(field(zh.thresholds.amber)).toHaveValue('10')
      await expect(unit(zh.thresholds.amber)).toHaveValue('min')

      // A mistake first: the page says so beside the field, and saves nothing.
      await field(zh.thresholds.amber).fill('2')
      await field(zh.thresholds.red).fill('1')
      await admin.getByRole('button', { name: zh.common.save }).click()
      await expect(admin.getByText(zh.thresholds.errors.redAfterAmber)).toBeVisible()
      await expect(field(zh.thresholds.red)).toHaveAttribute('aria-invalid', 'true')
      await expect(tile(page, id)).not.toHaveAttribute('data-breach', /./)

      // 2 and 5 minutes: the agent's 3 minutes are now past amber.
      await field(zh.thresholds.red).fill('5')
      await admin.getByRole('button', { name: zh.common.save }).click()
      await expect(admin.getByText(zh.thresholds.saved)).toBeVisible()
      await expect(tile(page, id)).toHaveAttribute('data-breach', 'amber', { timeout: 5_000 })
      await expect(tile(page, id)).toHaveAttribute(
        'aria-label',
        new RegExp(`${zh.thresholds.amber}$`),
      )

      // 90 seconds and 2.5 minutes: past red.
      await unit(zh.thresholds.amber).selectOption('sec')
      await expect(field(zh.thresholds.amber)).toHaveValue('2') // the unit never rewrites it
      await field(zh.thresholds.amber).fill('90')
      await field(zh.thresholds.red).fill('2.5')
      await admin.getByRole('button', { name: zh.common.save }).click()
      await expect(tile(page, id)).toHaveAttribute('data-breach', 'red', { timeout: 5_000 })
      await keep(page, testInfo, 'floor-after-admin-change')
    } finally {
      await putSettings(admin, (s) => ({ ...s, families: DEFAULT_FAMILY_THRESHOLDS }))
      await adminContext.close()
    }
  })
})
