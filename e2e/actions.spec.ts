import type { Locator, Page } from '@playwright/test'
import { CSRF_COOKIE, CSRF_HEADER } from '@/shared/auth'
import type { AgentView, FloorSnapshot } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

const ATTEMPTS = 5 // a call may end between choosing the agent and acting; then try another

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** An agent's tile; its accessible name is "name，id，state[，who listens]". */
const tileOf = (page: Page, id: string) =>
  grid(page).getByRole('button', { name: new RegExp(`，${escape(id)}，`) })
/** The notice about one operation. */
const notice = (page: Page, op: string) => page.getByRole('alert').filter({ hasText: op })

/** Reads a notice and closes it, so the next attempt's notice cannot be mistaken for it. */
async function readNotice(page: Page, op: string): Promise<string> {
  const shown = notice(page, op)
  await expect(shown).toBeVisible()
  const text = (await shown.textContent()) ?? ''
  await shown.getByRole('button', { name: zh.common.close }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  return text
}

/** The agent as tiles and menus name them. */
const nameOf = (a: AgentView) => a.name ?? a.id.split('@')[0]!

/** Agents on a call, the newest calls first (the most time left before they end). */
async function talkingAgents(page: Page, skip: ReadonlySet<string>): Promise<AgentView[]> {
  let found: AgentView[] = []
  await expect
    .poll(
      async () => {
        const floor = (await (await page.request.get('/api/floor')).json()) as FloorSnapshot
        found = floor.agents
          .filter((a) => a.acState.endsWith('Talking') && a.callId && !skip.has(a.id))
          .sort((a, b) => b.stateSince - a.stateSince)
        return found.length
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0)
  return found
}

/** Shows just this agent's tile (a re-sort cannot move it away) and opens its menu. */
async function openMenu(page: Page, agent: AgentView): Promise<{ tile: Locator; menu: Locator }> {
  await page.getByRole('searchbox', { name: zh.floor.searchLabel }).fill(agent.id.split('@')[0]!)
  const tile = tileOf(page, agent.id)
  await tile.click()
  const menu = page.getByRole('menu', { name: `${nameOf(agent)} 的操作` })
  await expect(menu).toBeVisible()
  return { tile, menu }
}

/**
 * Stops the lead's listen from the agent's menu. The agent's id when the call went on without
 * the lead; null when the call ended first (nothing left to stop).
 */
async function stopListening(page: Page, agent: AgentView, tile: Locator): Promise<string | null> {
  const { menu } = await openMenu(page, agent)
  const stop = menu.getByRole('menuitem', { name: zh.actions.ops['stop-listen'], exact: true })
  if ((await stop.count()) === 0 || (await stop.getAttribute('aria-disabled')) === 'true') {
    await page.keyboard.press('Escape')
    return null
  }
  await stop.click()
  const text = await readNotice(page, zh.actions.ops['stop-listen'])
  if (!text.includes(`已停止监听：${nameOf(agent)}。通话继续。`)) {
    expect(text).toContain('未执行') // the call ended between the click and the platform
    return null
  }
  await expect(tile).not.toHaveAttribute('aria-label', /lead 监听中/)
  return agent.id
}

/** A mutation through the relay's API as the signed-in user, with the CSRF header the app sends. */
async function mutate(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? ''
  return page.request.fetch(path, { method, data, headers: { [CSRF_HEADER]: csrf } })
}

type Op = 'listen' | 'stop-listen' | 'take'

/**
 * Sends `ops` one after another on one talking agent until all succeed on the same call (a
 * call may end between choosing the agent and acting: then another agent); the agent's id by op.
 */
async function actOnACall<O extends Op>(
  page: Page,
  tried: Set<string>,
  ops: O[],
): Promise<Record<O, string>> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const [agent] = await talkingAgents(page, tried)
    tried.add(agent!.id)
    let all = true
    for (const op of ops) {
      const path = `/api/agents/${encodeURIComponent(agent!.id)}/actions/${op}`
      if ((await mutate(page, 'POST', path, {})).status() !== 200) {
        all = false // the call ended first
        break
      }
    }
    if (all) return Object.fromEntries(ops.map((op) => [op, agent!.id])) as Record<O, string>
  }
  throw new Error(`no call lasted for ${ops.join(', ')} in ${ATTEMPTS} tries`)
}

test.describe('supervisor actions', () => {
  test('a supervisor sets their phone, listens to a call, then takes one over', async ({
    page,
  }) => {
    const done: { listened: string | null; stopped: string | null; took: string | null } = {
      listened: null,
      stopped: null,
      took: null,
    }
    await signIn(page, 'lead')

    // The profile, from the user menu.
    await page.goto('/')
    await page.getByRole('button', { name: '账号：lead' }).click()
    await page.getByRole('menuitem', { name: zh.profile.menuItem }).click()
    await expect(page.getByRole('heading', { name: zh.profile.title })).toBeVisible()
    await page.getByLabel(zh.profile.deviceId).fill('8002')
    await page.getByLabel(zh.profile.phoneNumber).fill('8002')
    await page.getByRole('button', { name: zh.common.save }).click()
    await expect(page.getByText(zh.profile.saved)).toBeVisible()

    await page.goto('/')
    await expect(grid(page)).toBeVisible({ timeout: 30_000 })
    const tried = new Set<string>()

    // Listen: the notice says it was sent, and the tile shows the supervisor on the call; then
    // stop listening from the same menu: the mark goes, the call goes on.
    for (let i = 0; i < ATTEMPTS && !done.stopped; i++) {
      const [agent] = await talkingAgents(page, tried)
      tried.add(agent!.id)
      const { tile, menu } = await openMenu(page, agent!)
      const listen = menu.getByRole('menuitem', { name: zh.actions.ops.listen, exact: true })
      if ((await listen.getAttribute('aria-disabled')) === 'true') {
        await page.keyboard.press('Escape') // the call ended already
        continue
      }
      await listen.click()
      const text = await readNotice(page, zh.actions.ops.listen)
      if (text.includes('已发送监听请求')) {
        // The tile shows the supervisor on the call, unless the call ended in the meantime
        // (every talking state's label ends in 通话): then another agent.
        let shown = ''
        await expect
          .poll(async () => {
            const label = (await tile.getAttribute('aria-label')) ?? ''
            shown = /lead 监听中/.test(label) ? 'monitor' : /通话/.test(label) ? '' : 'ended'
            return shown
          })
          .not.toBe('')
        if (shown === 'monitor') {
          done.listened = agent!.id
          done.stopped = await stopListening(page, agent!, tile)
        }
      } else {
        expect(text).toContain('未执行') // 409: the call ended between the click and the platform
      }
    }
    expect(done.listened, 'listened to a call').not.toBeNull()
    expect(done.stopped, 'stopped listening to a call').not.toBeNull()

    // Take over (after confirming): the platform moves the agent to after-call work.
    for (let i = 0; i < ATTEMPTS && !done.took; i++) {
      const [agent] = await talkingAgents(page, tried)
      tried.add(agent!.id)
      const { tile, menu } = await openMenu(page, agent!)
      const take = menu.getByRole('menuitem', { name: zh.actions.ops.take, exact: true })
      if ((await take.getAttribute('aria-disabled')) === 'true') {
        await page.keyboard.press('Escape')
        continue
      }
      await take.click()
      const dialog = page.getByRole('dialog', { name: `接管 ${nameOf(agent!)} 的通话？` })
      await expect(dialog).toContainText(agent!.callId!)
      await dialog.getByRole('button', { name: zh.actions.ops.take, exact: true }).click()
      const text = await readNotice(page, zh.actions.ops.take)
      if (text.includes('已发送接管请求')) {
        await expect(tile).toHaveAttribute('aria-label', new RegExp(zh.states.Acw), {
          timeout: 15_000,
        })
        done.took = agent!.id
      } else {
        // The call ended first: the relay answers 409 and the notice says why, in Chinese.
        expect(text).toMatch(/接管（.*）未执行：.*(通话|设备状态)/)
      }
    }
    expect(done.took, 'took over a call').not.toBeNull()
  })

  test('the admin’s audit log lists the actions with the user and the agent', async ({ page }) => {
    // Its own actions, sent by the lead through the relay's API as the menu sends them.
    await signIn(page, 'lead')
    expect(
      (await mutate(page, 'PATCH', '/api/me', { deviceId: '8002', phoneNumber: '8002' })).status(),
    ).toBe(200)
    const tried = new Set<string>()
    const done = {
      ...(await actOnACall(page, tried, ['listen', 'stop-listen'])),
      ...(await actOnACall(page, tried, ['take'])),
    }
    await signIn(page, 'admin')
    await page.goto('/admin')
    await page.getByRole('tab', { name: zh.audit.tab }).click()
    await expect(page).toHaveURL(/\/admin\/audit$/)
    const table = page.getByRole('table', { name: zh.audit.tableLabel })
    const row = (op: string, agentId: string) =>
      table
        .getByRole('row')
        .filter({ hasText: agentId })
        .filter({ has: page.getByRole('cell', { name: op, exact: true }) })
        .first()
    const listened = row(zh.actions.ops.listen, done.listen)
    await expect(listened).toContainText('lead')
    await expect(listened).toContainText(zh.audit.outcomes.ok)
    await expect(listened).toContainText('8002@test.cc') // the supervisor's extension, completed
    const stopped = row(zh.actions.ops['stop-listen'], done['stop-listen'])
    await expect(stopped).toContainText('lead')
    await expect(stopped).toContainText(zh.audit.outcomes.ok)
    await expect(stopped).toContainText('8002@test.cc')
    const took = row(zh.actions.ops.take, done.take)
    await expect(took).toContainText('lead')
    await expect(took).toContainText(zh.audit.outcomes.ok)

    // Filtered by operation, in the URL.
    await page.getByRole('combobox', { name: zh.audit.op, exact: true }).click()
    await page.getByRole('option', { name: zh.actions.ops.take }).click()
    await expect(page).toHaveURL(/op=take/)
    await expect(row(zh.actions.ops.take, done.take)).toBeVisible()
    await expect(table.getByRole('row').filter({ hasText: zh.actions.ops.listen })).toHaveCount(0)
  })
})

test('a viewer sees no action controls', async ({ page }) => {
  await signIn(page, 'viewer')
  await page.goto('/')
  const tiles = grid(page).getByRole('button')
  await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBeGreaterThan(0)
  const first = tiles.first()
  await expect(first).toHaveAttribute('aria-haspopup', 'dialog')

  await first.click({ button: 'right' })
  await expect(page.getByRole('menu')).toHaveCount(0)
  await first.click()
  const drawer = page.getByRole('dialog', { name: zh.agent.title })
  await expect(drawer).toBeVisible()
  await expect(drawer.getByRole('heading', { name: zh.actions.title })).toHaveCount(0)
  for (const op of Object.values(zh.actions.ops)) {
    await expect(page.getByRole('button', { name: op, exact: true })).toHaveCount(0)
    await expect(page.getByRole('menuitem', { name: op, exact: true })).toHaveCount(0)
  }
})
