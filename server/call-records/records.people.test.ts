import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallsPage } from '@/shared/cdr'
import { FakePlatform, gatewayEnv } from '../testing/fake-platform'
import { callEndEvent, type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

// §4.5 rows do not say who took a call: the relay adds the agent and skill group from the
// call's callEnd, and filters the page by them (the platform cannot).
let platform: FakePlatform
let relay: TestRelay
let lead: Session

const ROWS = ['c-zhang', 'c-li', 'c-unknown'].map((callId) => ({ callId, ani: '18612345678' }))

beforeEach(async () => {
  platform = await new FakePlatform().start()
  platform.on((r) => {
    const path = r.url.split('?')[0]!
    if (path === '/accesstoken/apply') return { status: 200, body: { accessToken: 'tok-1' } }
    if (path === '/api/cdr/2.0/calls/open/call/c-li')
      return { status: 200, body: { code: 0, data: { callId: 'c-li', domain: 'test.cc' } } }
    if (path === '/api/cdr/2.0/calls/open')
      return { status: 200, body: { code: 0, data: { total: 3, list: ROWS } } }
    return undefined
  })
  relay = await startTestRelay({
    env: {
      ...gatewayEnv(platform.url),
    },
  })
  lead = relay.lead
  await relay.post(agentEvent({ id: '5001@test.cc', name: '张伟' }))
  await relay.post(agentEvent({ id: '5002@test.cc', name: '李娜' }))
  await relay.post(callEndEvent({ callId: 'c-zhang', agentId: '5001@test.cc' }))
  await relay.post(
    callEndEvent({ callId: 'c-li', agentId: '5002@test.cc', skillId: '7002@test.cc' }),
  )
})

afterEach(async () => {
  await relay.close()
  await platform.stop()
})

const RANGE = 'beginTime=2026-11-21%2000:00:00&endTime=2026-11-21%2023:00:00'

async function list(query = ''): Promise<{ status: number; page: CallsPage }> {
  const res = await lead.fetch(`/api/calls?${RANGE}${query}`)
  return { status: res.status, page: (await res.json()) as CallsPage }
}

describe('call records name the agent and skill group', () => {
  it('adds both to each row the relay saw end, by name', async () => {
    const admin = 'root'
    await relay.createUser({ username: admin, role: 'admin' })
    const session = await relay.signIn(admin)
    await session.fetch('/api/skill-names', {
      method: 'PUT',
      json: { names: { '7002@test.cc': '售后' } },
    })
    const { page } = await list()
    expect(page.total).toBe(3)
    expect(page.list.map((r) => [r.callId, r.agentId, r.agentName, r.skillName])).toEqual([
      ['c-zhang', '5001@test.cc', '张伟', null],
      ['c-li', '5002@test.cc', '李娜', '售后'],
      ['c-unknown', null, null, null],
    ])
  })

  it('keeps the calls of one agent (by number, id or name) or one skill group; the total is then unknown', async () => {
    for (const agent of ['5002', '5002@test.cc', '李娜']) {
      const { page } = await list(`&agent=${encodeURIComponent(agent)}`)
      expect(page.list.map((r) => r.callId)).toEqual(['c-li'])
      expect(page.total).toBeNull()
    }
    const { page } = await list('&skill=7001')
    expect(page.list.map((r) => r.callId)).toEqual(['c-zhang'])
  })

  it('names the agent of one call too', async () => {
    const res = await lead.fetch('/api/calls/c-li')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      callId: 'c-li',
      agentId: '5002@test.cc',
      agentName: '李娜',
      skillId: '7002@test.cc',
    })
  })

  it('refuses a filter too long, naming it', async () => {
    const res = await lead.fetch(`/api/calls?${RANGE}&agent=${'5'.repeat(101)}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/^agent: /)
  })
})
