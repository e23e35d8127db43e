import type { Page } from '@playwright/test'
import { formatClock } from '@/lib/format'
import { zh } from '@/locales/zh'
import { DEFAULT_PLATFORM_TZ, epochToLocal } from '@/shared/platform-time'
import { expect, platformAgentEvents, signIn, test } from './fixtures'

// Serials of their own, above the simulator's and the other specs'.
const agentEvent = platformAgentEvents(8_300_000_000_000_000)

const AGENT = '5996@test.cc'
const GAP_MS = 3_000 // between each event and the moment looked back to

const tile = (page: Page) => page.locator(`[data-agent-id="${AGENT}"]`)
const banner = (at: number) => zh.replay.banner.replace('{{time}}', formatClock(at))
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** What one types into the picker's sections, year to second, for an instant (platform time). */
function pickerDigits(at: number): string {
  const t = epochToLocal(DEFAULT_PLATFORM_TZ, at)
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`
}

test.describe('looking back at the floor', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'lead')
  })

  test('a supervisor moves the floor back to a past moment, sees an agent as it was, plays forward and returns to live', async ({
    page,
    app,
  }) => {
    test.setTimeout(90_000)
    await page.goto('/')
    // The agent is watched through the search, so a re-sort cannot move its tile out of view.
    await page.getByRole('searchbox', { name: zh.floor.searchLabel }).fill('5996')
    const name = `往日坐席${test.info().repeatEachIndex}`

    // Then: on a break. A few seconds later: on a call, as the floor shows it now.
    expect(await app.post(agentEvent({ id: AGENT, name, acState: 'Aux', reason: 'Rest' }))).toBe(
      200,
    )
    await expect(tile(page)).toHaveAttribute('aria-label', new RegExp(zh.states.Aux), {
      timeout: 10_000,
    })
    await page.waitForTimeout(GAP_MS)
    // A whole second between the two events: the picker goes down to seconds.
    const then = Math.floor(Date.now() / 1_000) * 1_000
    await page.waitForTimeout(GAP_MS)
    expect(
      await app.post(
        agentEvent({
          id: AGENT,
          name,
          acState: 'InboundTalking',
          callId: 'e2e-replay-call-1',
          workSkill: '7001@test.cc',
        }),
      ),
    ).toBe(200)
    await expect(tile(page)).toHaveAttribute('aria-label', new RegExp(zh.states.InboundTalking))

    // Look back to that moment, typed in platform time.
    await page.getByRole('button', { name: zh.replay.open, exact: true }).click()
    const dialog = page.getByRole('dialog', { name: zh.replay.title })
    await dialog.getByRole('spinbutton').first().click()
    await page.keyboard.type(pickerDigits(then))
    await dialog.getByRole('button', { name: zh.replay.show }).click()

    await expect(page.getByText(banner(then))).toBeVisible()
    await expect(tile(page)).toHaveAttribute('aria-label', new RegExp(zh.states.Aux))
    await expect(tile(page)).not.toHaveAttribute('aria-label', new RegExp(zh.states.InboundTalking))

    // Played forward at 1×, the moment moves on and reaches the call.
    await page.getByRole('button', { name: zh.replay.play }).click()
    await expect(tile(page)).toHaveAttribute('aria-label', new RegExp(zh.states.InboundTalking), {
      timeout: 20_000,
    })
    await expect(page.getByText(banner(then))).toBeHidden()
    await expect(page.getByText(/^回看中 · /)).toBeVisible()
    await page.getByRole('button', { name: zh.replay.pause }).click()

    // Back to live: the banner goes, and what happens now shows at once.
    await page.getByRole('button', { name: zh.replay.backToLive }).click()
    await expect(page.getByText(/^回看中 · /)).toHaveCount(0)
    expect(await app.post(agentEvent({ id: AGENT, name, acState: 'Acw', callId: null }))).toBe(200)
    await expect(tile(page)).toHaveAttribute('aria-label', new RegExp(zh.states.Acw), {
      timeout: 5_000,
    })
  })
})
