import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'
import { aCallWithTalk } from './today-calls'

test.describe('a recording at a glance', () => {
  test('shows its silences and cross-talk on the lanes, its figures, and skips silences', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    await signIn(page, 'lead')
    // The simulator gives every call of 40 s or more a long hold and an interruption.
    const call = await aCallWithTalk(page.request, 45)
    await page.goto(`/calls/${call.callId}`)
    const player = page.getByRole('region', { name: zh.player.label })
    await expect(player).toBeVisible({ timeout: 30_000 })
    const glance = player.getByRole('region', { name: zh.analysis.title })
    await expect(glance.getByText(/^坐席 \d+% · 客户 \d+%$/)).toBeVisible({ timeout: 30_000 })
    const marks = glance.getByRole('list', { name: zh.analysis.marks })
    await expect(marks.getByRole('button', { name: /^静音 / }).first()).toBeVisible()
    await expect(marks.getByRole('button', { name: /^抢话 / }).first()).toBeVisible()
    // The same marks as bands over the lanes (wavesurfer draws them in its shadow root).
    await expect
      .poll(() =>
        player
          .locator('[data-lanes] > div')
          .evaluate((host) => host.shadowRoot?.querySelectorAll('[part~="region"]').length ?? 0),
      )
      .toBeGreaterThanOrEqual(2)

    // Skipping: playback started just before a silence comes out past its end.
    const skip = player.getByRole('switch', { name: zh.analysis.skipSilence })
    await skip.check()
    const first = marks.getByRole('button', { name: /^静音 / }).first()
    const [, min, sec] = /–(\d+):(\d+)$/.exec((await first.textContent()) ?? '')!
    const endSec = Number(min) * 60 + Number(sec)
    await first.click()
    await player.getByRole('button', { name: zh.player.play }).click()
    await expect
      .poll(
        () =>
          player
            .getByRole('slider', { name: zh.player.position })
            .getAttribute('aria-valuenow')
            .then(Number),
        { timeout: 5_000 },
      )
      .toBeGreaterThanOrEqual(endSec)
    await player.getByRole('button', { name: zh.player.pause }).click()
  })
})
