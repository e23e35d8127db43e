import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test'
import type { AgentView, FloorSnapshot } from '@/shared/floor'
import { zh } from '@/locales/zh'
import { expect, signIn, test } from './fixtures'

const ATTEMPTS = 5 // a call may end between choosing the agent and barging in; then try another
const SECOND_LEAD = { username: 'wang', password: 'wang-password-1' }

const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** An agent's tile; its accessible name is "name，id，state[，…]". */
const tileOf = (page: Page, id: string) =>
  grid(page).getByRole('button', { name: new RegExp(`，${escape(id)}，`) })
const nameOf = (a: AgentView) => a.name ?? a.id.split('@')[0]!

/** Sets the lead's own extension and number (needed to listen and barge in). */
async function setPhone(request: APIRequestContext, context: BrowserContext): Promise<void> {
  const csrf = (await context.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const res = await request.patch('/api/me', {
    data: { deviceId: '8002', phoneNumber: '8002' },
    headers: { 'x-csrf-token': csrf },
  })
  expect(res.status()).toBe(200)
}

/** Two leads at their own screens: the demo's `lead`, and a second supervisor an admin adds. */
async function twoLeads(browser: Browser, baseURL: string): Promise<[Page, Page]> {
  const admin = await browser.newContext({ baseURL })
  await signIn(await admin.newPage(), 'admin')
  const csrf = (await admin.cookies()).find((c) => c.name === 'csrf')?.value ?? ''
  const created = await admin.request.post('/api/users', {
    data: { ...SECOND_LEAD, role: 'supervisor', orgPrefix: null, skills: null },
    headers: { 'x-csrf-token': csrf },
  })
  expect([201, 409]).toContain(created.status()) // 409: made by an earlier test of this worker
  await admin.close()

  const a = await (await browser.newContext({ baseURL })).newPage()
  await signIn(a, 'lead')
  const b = await (await browser.newContext({ baseURL })).newPage()
  const login = await b.request.post('/api/auth/login', { data: SECOND_LEAD })
  expect(login.status()).toBe(204)
  for (const page of [a, b]) await setPhone(page.request, page.context())
  return [a, b]
}

/** Shows just this agent on the page's floor. */
async function showOnly(page: Page, agent: AgentView): Promise<void> {
  await page.goto(`/?q=${encodeURIComponent(agent.id.split('@')[0]!)}`)
  await expect(tileOf(page, agent.id)).toBeVisible()
}

async function floorAgents(page: Page): Promise<AgentView[]> {
  const floor = (await (await page.request.get('/api/floor')).json()) as FloorSnapshot
  return floor.agents
}

test('one lead says "I\'m on it" and the other lead sees it on the tile', async ({
  browser,
  baseURL,
}) => {
  const [a, b] = await twoLeads(browser, baseURL!)
  let agents: AgentView[] = []
  await expect
    .poll(async () => (agents = await floorAgents(a)).filter((x) => x.acState !== 'LogOut').length)
    .toBeGreaterThan(0)
  const agent = agents.find((x) => x.acState !== 'LogOut')!
  await showOnly(a, agent)
  await showOnly(b, agent)

  await tileOf(a, agent.id).click()
  const menu = a.getByRole('menu', { name: `${nameOf(agent)} 的操作` })
  // While lead's menu is open, the other lead sees them looking.
  await expect(tileOf(b, agent.id)).toHaveAccessibleName(/lead 正在查看/)
  await menu.getByRole('menuitem', { name: zh.presence.claim }).click()
  await expect(menu).toBeHidden()

  const tile = tileOf(b, agent.id)
  await expect(tile).toHaveAccessibleName(/lead 在处理/)
  await expect(tile.locator('.tile-presence')).toHaveText('lead')
  // On the lead's own screen it is theirs, and the menu offers to let go.
  await expect(tileOf(a, agent.id)).toHaveAccessibleName(/你 在处理/)
  await tileOf(a, agent.id).click()
  await a.getByRole('menuitem', { name: zh.presence.release }).click()
  await expect(tileOf(b, agent.id)).not.toHaveAccessibleName(/在处理/)
})

test('a lead about to barge in is told another lead is already listening', async ({
  browser,
  baseURL,
}) => {
  const [a, b] = await twoLeads(browser, baseURL!)
  let warned = false
  const tried = new Set<string>()
  for (let i = 0; i < ATTEMPTS && !warned; i++) {
    let talking: AgentView[] = []
    await expect
      .poll(
        async () =>
          (talking = (await floorAgents(a))
            .filter((x) => x.acState.endsWith('Talking') && x.callId && !tried.has(x.id))
            .sort((x, y) => y.stateSince - x.stateSince)).length,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0)
    const agent = talking[0]!
    tried.add(agent.id)
    const listen = await a.request.post(
      `/api/agents/${encodeURIComponent(agent.id)}/actions/listen`,
      {
        data: {},
        headers: {
          'x-csrf-token': (await a.context().cookies()).find((c) => c.name === 'csrf')?.value ?? '',
        },
      },
    )
    if (listen.status() !== 200) continue // the call ended first
    await showOnly(b, agent)
    await tileOf(b, agent.id).click()
    const menu = b.getByRole('menu', { name: `${nameOf(agent)} 的操作` })
    const join = menu.getByRole('menuitem', { name: zh.actions.ops.join, exact: true })
    if ((await join.getAttribute('aria-disabled')) === 'true') {
      await b.keyboard.press('Escape') // the call ended meanwhile
      continue
    }
    await join.click()
    const dialog = b.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const warning = dialog.getByRole('alert')
    if (!(await warning.isVisible())) {
      // The call ended (and with it the listen) before the dialog opened.
      await dialog.getByRole('button', { name: zh.common.cancel }).click()
      continue
    }
    await expect(warning).toContainText(zh.presence.bargeWarningTitle)
    await expect(warning).toContainText(/lead 自 \d\d:\d\d 起正在监听此通话/)
    await expect(dialog.getByRole('button', { name: zh.presence.bargeAnyway })).toBeVisible()
    await dialog.getByRole('button', { name: zh.common.cancel }).click()
    warned = true
  }
  expect(warned, 'saw the warning before barging in').toBe(true)
})
