import fs from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import type { CallsPage, CdrListItem } from '@/shared/cdr'
import { formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

const TZ = 'Asia/Shanghai'
const MIN_TALK_S = 8 // long enough to hear it play, and to play it faster

/** Today from midnight to now, in platform time, as the page's default range. */
function today(): { beginTime: string; endTime: string } {
  const now = Date.now()
  return {
    beginTime: formatQueryTime(startOfPlatformDay(now, TZ), TZ),
    endTime: formatQueryTime(now, TZ),
  }
}

/** The first page, newest first, of a range (today's by default), as the grid shows it. */
async function firstPage(
  request: APIRequestContext,
  range: { beginTime: string; endTime: string } = today(),
): Promise<CallsPage> {
  const res = await request.get('/api/calls', { params: { ...range, s: 20, isOrder: 0 } })
  expect(res.ok()).toBe(true)
  return (await res.json()) as CallsPage
}

/**
 * Waits until the simulator has ended an answered call long enough to play (it needs a while
 * to end calls), and answers it.
 */
async function aCallWithTalk(
  request: APIRequestContext,
  range?: { beginTime: string; endTime: string },
): Promise<CdrListItem> {
  let found: CdrListItem | undefined
  await expect
    .poll(
      async () => {
        found = (await firstPage(request, range)).list.find(
          (c) => Number(c.talkLength) >= MIN_TALK_S && c.ani,
        )
        return found !== undefined
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true)
  return found!
}

const elapsed = (page: Page) => page.getByRole('timer', { name: zh.player.elapsed })
const audioTime = (page: Page) =>
  page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1)

test.describe('call records and the player', () => {
  test('shows who took each call, and filtering by that agent keeps only their calls', async ({
    page,
  }) => {
    test.setTimeout(150_000)
    await signIn(page, 'lead')
    // A call the relay saw end names its agent.
    let agentId = ''
    await expect
      .poll(
        async () => {
          agentId = (await firstPage(page.request)).list.find((c) => c.agentId)?.agentId ?? ''
          return agentId
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .not.toBe('')
    const number = agentId.split('@')[0]!

    await page.goto('/calls')
    const grid = page.getByRole('grid', { name: zh.callRecords.gridLabel })
    await expect(grid.getByRole('columnheader', { name: zh.cdrFields.agentId })).toBeVisible()
    await expect(grid.getByRole('gridcell', { name: new RegExp(agentId) }).first()).toBeVisible()
    const before = await grid.getByRole('row').count()

    await page.getByRole('textbox', { name: zh.callRecords.agent }).fill(number)
    await page.getByRole('button', { name: zh.callRecords.search }).click()
    await expect(page).toHaveURL(new RegExp(`agent=${number}`))
    await expect(page.getByRole('note')).toHaveText(/按坐席或技能组筛选/)
    const agentCells = grid.locator('[data-field="agentId"][role="gridcell"]')
    await expect(agentCells.first()).toContainText(agentId)
    const cells = await agentCells.allTextContents()
    expect(cells.every((c) => c.includes(agentId))).toBe(true)
    expect(cells.length).toBeLessThan(before)
  })

  test('searches today, exports the whole query, opens a call and plays it', async ({ page }) => {
    test.setTimeout(180_000)
    await signIn(page, 'lead')
    await aCallWithTalk(page.request)

    // The nav leads to today's calls; the URL holds the whole query.
    await page.goto('/')
    await page.getByRole('link', { name: zh.callRecords.nav }).click()
    await expect(page).toHaveURL(/\/calls\?from=.+&to=.+&order=newest&page=1&size=20/)
    await page.getByRole('button', { name: zh.callRecords.search }).click()
    const grid = page.getByRole('grid', { name: zh.callRecords.gridLabel })
    await expect(grid.getByRole('row').nth(1)).toBeVisible()
    const totalText = await page.getByText(/^共 \d+ 条$/).textContent()
    const total = Number(/\d+/.exec(totalText ?? '')?.[0])
    expect(total).toBeGreaterThan(0)

    // CSV of the whole query, not just the page.
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: zh.callRecords.export.button }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^calls_\d{8}-000000_\d{8}-\d{6}\.csv$/)
    const csv = fs.readFileSync(await download.path(), 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe(
      [
        'callId',
        'beginTime',
        'callTypeName',
        'ani',
        'dnis',
        'agentId',
        'skillId',
        'displayNumber',
        'result',
        'talkLength',
        'endTypeName',
        'campaignName',
        'groupCampaignName',
        'batchName',
        'customerRosterId',
        'customerId',
        'c0',
        'c1',
        'c2',
      ]
        .map((f) =>
          f === 'talkLength'
            ? `${zh.cdrFields.talkLength}（秒）`
            : zh.cdrFields[f as keyof typeof zh.cdrFields],
        )
        .join(','),
    )
    const done = await page.getByText(/^已导出 \d+ 条$/).textContent()
    const exported = Number(/\d+/.exec(done ?? '')?.[0])
    // Calls that were under way when the page asked may have ended since: never fewer.
    expect(exported).toBeGreaterThanOrEqual(total)
    expect(lines.length - 1).toBe(exported)

    // Open a call with talk time that the grid shows (its row), and the player loads its recording.
    const url = new URL(page.url())
    const call = await aCallWithTalk(page.request, {
      beginTime: url.searchParams.get('from')!,
      endTime: url.searchParams.get('to')!,
    })
    // Calls keep ending while the test runs, and a call that began before the range's end but
    // ended after the search is new at the top: search again up to this call's start, so it
    // leads the first page.
    url.searchParams.set('to', call.beginTime!)
    await page.goto(`${url.pathname}?${url.searchParams}`)
    await page.getByRole('button', { name: zh.callRecords.search }).click()
    await grid
      .getByRole('row')
      .filter({ hasText: call.ani! })
      .first()
      .getByRole('gridcell')
      .nth(2)
      .click()
    await expect(page).toHaveURL(new RegExp(`/calls/${call.callId}`))
    const player = page.getByRole('region', { name: zh.player.label })
    await expect(player).toBeVisible({ timeout: 20_000 })
    // Two lanes, agent and customer, each drawn and each with its own mute.
    await expect(player.getByRole('button', { name: '静音坐席声道' })).toBeVisible()
    await expect(player.getByRole('button', { name: '静音客户声道' })).toBeVisible()
    await expect(player.locator('[data-lanes] .canvases > div')).toHaveCount(2)
    expect(await player.locator('[data-lanes] .canvases canvas').count()).toBeGreaterThanOrEqual(2)

    // Play (a real click: the browser lets it start), and the time runs.
    await expect(elapsed(page)).toHaveText('00:00')
    await player.getByRole('button', { name: zh.player.play }).click()
    await expect(elapsed(page)).not.toHaveText('00:00', { timeout: 10_000 })
    await player.getByRole('button', { name: '静音客户声道' }).click()
    await expect(player.getByRole('button', { name: '取消静音客户声道' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    // At 2× the recording runs twice as fast as the clock.
    await player.getByRole('combobox', { name: new RegExp(zh.player.speed) }).click()
    await page.getByRole('option', { name: '2×' }).click()
    expect(await page.evaluate(() => document.querySelector('audio')?.playbackRate)).toBe(2)
    // Polled, not slept for: the position pulls ahead of the clock (by half again, with room
    // for a slow start) as soon as the speed has taken; at 1× it never would.
    const t0 = await audioTime(page)
    const wall0 = Date.now()
    await expect
      .poll(
        async () => {
          const played = (await audioTime(page)) - t0
          const wall = (Date.now() - wall0) / 1000
          return wall >= 0.5 && played > wall * 1.4
        },
        { timeout: 10_000 },
      )
      .toBe(true)
    await player.getByRole('button', { name: zh.player.pause }).click()

    // Downloads for a supervisor, and a link to this very second that seeks there when opened.
    await expect(player.getByRole('link', { name: zh.player.downloadWav })).toHaveAttribute(
      'href',
      /format=wav&download=1/,
    )
    const recordingId = new URL(
      (await player.getByRole('link', { name: zh.player.downloadWav }).getAttribute('href'))!,
      'http://x',
    ).pathname.split('/')[3]
    await page.goto(`/calls/${call.callId}?rec=${recordingId}&t=5`)
    await expect(elapsed(page)).toHaveText('00:05', { timeout: 20_000 })
  })

  test('a viewer sees the recordings but no player', async ({ page }) => {
    test.setTimeout(150_000)
    await signIn(page, 'viewer')
    const call = await aCallWithTalk(page.request)
    await page.goto(`/calls/${call.callId}`)
    await expect(
      page.getByText(`您的角色（${zh.roles.viewer}）可以查看录音列表`, { exact: false }),
    ).toBeVisible()
    await expect(page.getByRole('table', { name: zh.callDetail.recordings })).toBeVisible()
    await expect(page.getByRole('region', { name: zh.player.label })).toHaveCount(0)
    await expect(page.getByRole('link', { name: zh.player.downloadWav })).toHaveCount(0)
  })
})
