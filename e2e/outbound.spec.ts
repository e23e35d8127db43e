import type { APIRequestContext, Page } from '@playwright/test'
import type { CallsPage, CdrListItem } from '@/shared/cdr'
import type { AgentView, FloorSnapshot } from '@/shared/floor'
import { PHONE_PATTERN } from '@/shared/outbound'
import { formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

/*
 * Outbound from the console, against the relay and the simulator: a lead calls a customer back
 * from the call records and sees the call on the floor; a call list with a bad line is marked
 * and refused until fixed, then uploads and shows its batch.
 */

const TZ = 'Asia/Shanghai'
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function today(): { beginTime: string; endTime: string } {
  const now = Date.now()
  return {
    beginTime: formatQueryTime(startOfPlatformDay(now, TZ), TZ),
    endTime: formatQueryTime(now, TZ),
  }
}

/** An inbound call of today with a customer's number: abandoned in the queue if there is one. */
async function aCustomerCall(request: APIRequestContext): Promise<CdrListItem & { ani: string }> {
  let found: (CdrListItem & { ani: string }) | undefined
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/calls', { params: { ...today(), s: 100, isOrder: 0 } })
        const list = ((await res.json()) as CallsPage).list.filter(
          (c): c is CdrListItem & { ani: string } =>
            String(c.callType) === '1' && typeof c.ani === 'string' && PHONE_PATTERN.test(c.ani),
        )
        found = list.find((c) => c.endTypeName === '排队放弃') ?? list[0]
        return found !== undefined
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true)
  return found!
}

/** An agent waiting for a call, logged in on an extension. */
async function anAvailableAgent(page: Page): Promise<AgentView & { channelAddr: string }> {
  let found: (AgentView & { channelAddr: string }) | undefined
  await expect
    .poll(
      async () => {
        const floor = (await (await page.request.get('/api/floor')).json()) as FloorSnapshot
        found = floor.agents.find(
          (a): a is AgentView & { channelAddr: string } =>
            a.acState === 'Available' && a.channelAddr !== null,
        )
        return found !== undefined
      },
      { timeout: 30_000 },
    )
    .toBe(true)
  return found!
}

test.describe('outbound', () => {
  test('a lead calls back a customer from the call records, and the floor shows the call', async ({
    page,
  }) => {
    test.setTimeout(240_000)
    await signIn(page, 'lead')
    const call = await aCustomerCall(page.request)
    const range = today()
    await page.goto(
      `/calls?${new URLSearchParams({ from: range.beginTime, to: range.endTime, ani: call.ani })}`,
    )
    const grid = page.getByRole('grid', { name: zh.callRecords.gridLabel })
    await grid
      .getByRole('button', { name: zh.callBack.buttonLabel.replace('{{number}}', call.ani) })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: zh.callBack.title })
    await expect(dialog).toBeVisible()
    // The floor, open beside. It is opened before the agent is chosen: the simulator routes
    // calls to free agents, and the less time between choosing one and ringing it, the less
    // chance it takes another call first.
    const floor = await page.context().newPage()
    await floor.goto('/')
    await expect(floor.getByRole('region', { name: zh.floor.gridLabel })).toBeVisible()

    // Ring an agent who is free, found by extension.
    const agent = await anAvailableAgent(page)
    const extension = agent.channelAddr.split('@')[0]!
    await dialog.getByLabel(zh.callBack.agent).check()
    await dialog.getByRole('combobox', { name: zh.callBack.agentLabel }).fill(extension)
    // Options read "name（id）· 分机 8001 · state".
    await page
      .getByRole('option', { name: new RegExp(`· 分机 ${escape(extension)} ·`) })
      .first()
      .click()
    await dialog.getByRole('button', { name: zh.callBack.submit }).click()
    await expect(dialog).toBeHidden()
    await expect(
      page.getByRole('alert').filter({ hasText: `先呼叫分机 ${extension}` }),
    ).toBeVisible()
    // The floor showing that agent only: the call is short at the simulator's pace.
    await floor.getByRole('searchbox', { name: zh.floor.searchLabel }).fill(agent.id.split('@')[0]!)
    const tile = floor
      .getByRole('region', { name: zh.floor.gridLabel })
      .getByRole('button', { name: new RegExp(`，${escape(agent.id)}，`) })
    await expect(tile).toBeVisible()

    // That agent's tile shows the call with the customer's number (the relay names it from the
    // call back it placed), or, if the call was already over, the latest calls list it.
    const onTile = tile.getByLabel(zh.tile.customer.replace('{{number}}', call.ani))
    const ended = floor.getByRole('link', {
      name: new RegExp(`${escape(call.ani)}.*${escape(agent.name ?? agent.id.split('@')[0]!)}`),
    })
    await expect(onTile.or(ended).first()).toBeVisible({ timeout: 100_000 })
    await floor.close()
  })

  test('a call list with a bad line is marked and refused; fixed, it uploads and is listed', async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await signIn(page, 'lead')
    await page.goto('/outbound')
    await expect(page.getByRole('heading', { name: zh.roster.title })).toBeVisible()
    const stamp = Date.now()
    const bad = `e2e-${stamp}-1,loan,13912345678\ne2e-${stamp}-2,loan,139-bad\n`
    const input = page.getByLabel(zh.roster.fileInput)
    await input.setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    const preview = page.getByRole('table', { name: zh.roster.previewLabel })
    const badRow = preview.locator('[data-bad-line="2"]')
    await expect(badRow).toContainText(zh.roster.problems.number)
    await expect(page.getByRole('button', { name: zh.roster.upload })).toBeDisabled()

    const fixed = `e2e-${stamp}-1,loan,13912345678\ne2e-${stamp}-2,loan,13800138000\n`
    await input.setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixed),
    })
    await expect(preview.locator('[data-bad-line]')).toHaveCount(0)
    await page.getByLabel(zh.roster.alias).fill(`e2e-${stamp}`)
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/outbound/rosters') && r.request().method() === 'POST',
    )
    await page.getByRole('button', { name: zh.roster.upload }).click()
    const uploaded = (await (await answer).json()) as { batchId: string; batchName: string }
    expect(uploaded.batchId).not.toBe('')
    await expect(page.getByText(uploaded.batchName, { exact: false }).first()).toBeVisible()
    const past = page.getByRole('table', { name: zh.roster.pastTitle })
    const row = past.getByRole('row').filter({ hasText: uploaded.batchId })
    await expect(row).toContainText(uploaded.batchName)
    await expect(row).toContainText(`e2e-${stamp}`)
    await expect(row.getByRole('link')).toHaveAttribute(
      'href',
      new RegExp(`tab=robot.*batchId=${escape(encodeURIComponent(uploaded.batchId))}`),
    )
  })
})
