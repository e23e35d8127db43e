import { zh } from '@/locales/zh'
import { E2E_SIM_ARGS, expect, signIn, test } from './fixtures'
import { aCallWithTalk } from './today-calls'

// A platform that keeps no two-track WAV: every recording is past its WAV window (seed 003
// §4.3), so only the one-track MP3 plays.
test.use({ simArgs: `${E2E_SIM_ARGS} --wav-days 0` })

test.describe('a recording older than the two-track window', () => {
  test('plays as one lane, and the call page says why', async ({ page }) => {
    test.setTimeout(180_000)
    await signIn(page, 'lead')
    const call = await aCallWithTalk(page.request, 5)
    // The relay serves the MP3 in place of the missing WAV, and says which it served.
    const recordings = await page.request.get(`/api/calls/${call.callId}/recordings`)
    const [recording] = (await recordings.json()) as Array<{ id: string }>
    const audio = await page.request.get(`/api/recordings/${recording!.id}/audio`)
    expect(audio.headers()['x-recording-format']).toBe('mp3')
    expect(audio.headers()['content-type']).toBe('audio/mpeg')

    await page.goto(`/calls/${call.callId}`)
    const player = page.getByRole('region', { name: zh.player.label })
    await expect(player).toBeVisible({ timeout: 30_000 })
    await expect(player.getByRole('status').filter({ hasText: zh.player.mp3Only })).toBeVisible()
    await expect(player.getByText(zh.player.mp3OnlyBody)).toBeVisible()
    // One lane, drawn, named for both parties, with no mute of its own.
    await expect(player.locator('[data-lanes] .canvases > div')).toHaveCount(1)
    await expect(player.getByText(zh.player.laneMixed, { exact: true })).toBeVisible()
    await expect(player.getByRole('button', { name: /静音坐席声道|静音客户声道/ })).toHaveCount(0)
    // Only the MP3 to download.
    await expect(player.getByRole('link', { name: zh.player.downloadWav })).toHaveCount(0)
    await expect(player.getByRole('link', { name: zh.player.downloadMp3 })).toBeVisible()

    // It plays.
    const elapsed = page.getByRole('timer', { name: zh.player.elapsed })
    await expect(elapsed).toHaveText('00:00')
    await player.getByRole('button', { name: zh.player.play }).click()
    await expect(elapsed).not.toHaveText('00:00', { timeout: 10_000 })
    await player.getByRole('button', { name: zh.player.pause }).click()
  })
})
