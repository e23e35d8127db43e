import type { Page, WebSocketRoute } from '@playwright/test'
import type { FloorSnapshot } from '@/shared/floor'
import { formatEventTime } from '@/shared/platform-time'
import { zh } from '@/locales/zh'
import { expect, test } from './fixtures'

// Serials above anything the simulator will reach (it counts up from the epoch ms of its start),
// so an event the test posts is the newest the relay has seen for that agent.
let serial = 8_000_000_000_000_000

function agentEvent(
  id: string,
  acState: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  serial += 1
  const now = formatEventTime(Date.now(), 'Asia/Shanghai')
  return {
    eventName: 'agentStateEvent',
    serial,
    timestamp: now,
    eventType: 'agent',
    id,
    name: extra.name ?? null,
    acState,
    stateChangeTime: now,
    lastACState: 'Available',
    namespace: 'test.cc',
    orgId: 'org-2',
    orgName: '客服二部',
    orgTreePos: '1.2',
    reason: 'AgentOperation',
    channelAddr: null,
    skills: ['7001@test.cc'],
    callId: null,
    workSkill: null,
    ...extra,
  }
}

const tile = (page: Page, agentId: string) => page.locator(`[data-agent-id="${agentId}"]`)
const grid = (page: Page) => page.getByRole('region', { name: zh.floor.gridLabel })

async function serverFloor(page: Page): Promise<FloorSnapshot> {
  const res = await page.request.get('/api/floor')
  expect(res.ok()).toBe(true)
  return (await res.json()) as FloorSnapshot
}

test.describe('the live floor', () => {
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
    // Every family chip shows a count, and the counts add up to the agents the relay holds.
    const floor = await serverFloor(page)
    expect(floor.agents.length).toBeGreaterThanOrEqual(30)
    await expect(page.getByText(`共 ${floor.agents.length} 名坐席`, { exact: false })).toBeVisible()
  })

  test('a webhook posted now changes the right tile within a second', async ({ page, app }) => {
    await page.goto('/')
    const target = tile(page, '5003@test.cc')
    await expect(target).toBeVisible({ timeout: 30_000 })
    expect(
      await app.post(
        agentEvent('5003@test.cc', 'Aux', { name: '测试坐席', reason: 'MonitorLock' }),
      ),
    ).toBe(200)
    await expect(target).toHaveAttribute('aria-label', new RegExp(zh.states.Aux), {
      timeout: 1_000,
    })
    await expect(target).toContainText('测试坐席')
    // Its neighbour did not change because of it.
    expect(await tile(page, '5004@test.cc').getAttribute('aria-label')).not.toContain('测试坐席')

    expect(
      await app.post(
        agentEvent('5999@test.cc', 'InboundTalking', {
          name: '新来的',
          callId: 'e2e-call-1',
          workSkill: '7001@test.cc',
        }),
      ),
    ).toBe(200)
    await page.getByRole('searchbox', { name: zh.floor.searchLabel }).fill('5999')
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
        // Engine.IO's "upgrade" packet: from now on the websocket carries the link.
        if (message === '5') sockets.push(ws)
        server.send(message)
      })
    })
    await page.goto('/')
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
    expect(await app.post(agentEvent('5010@test.cc', 'Acw', { name: '断线期间' }))).toBe(200)
    expect(await app.post(agentEvent('5998@test.cc', 'Aux', { name: '断线期间新人' }))).toBe(200)

    down = false
    await expect(tile(page, '5010@test.cc')).toHaveAttribute(
      'aria-label',
      new RegExp(zh.states.Acw),
      { timeout: 20_000 },
    )
    await expect(page.getByRole('status', { name: new RegExp(zh.connection.live) })).toBeVisible()

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
    await page.getByRole('searchbox', { name: zh.floor.searchLabel }).fill('5998')
    await expect(tile(page, '5998@test.cc')).toBeVisible()
  })
})
