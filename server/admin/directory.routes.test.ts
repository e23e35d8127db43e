import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditPage } from '@/shared/audit'
import type { Department, SkillGroup } from '@/shared/directory'
import { type Session, startRelayWithAdmin, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

// Admins pick a user's department from the tree the floor shows, and the relay refuses a scope
// that would show the user nobody.
let relay: TestRelay
let admin: Session

beforeEach(async () => {
  ;({ relay, admin } = await startRelayWithAdmin())
})
afterEach(async () => {
  await relay.close()
})

async function floorOf(...agents: Record<string, unknown>[]) {
  for (const a of agents) expect((await relay.post(agentEvent(a))).status).toBe(200)
}

const FLOOR = [
  { id: '5001@test.cc', orgId: 'org-1-1', orgName: '客服一部', orgTreePos: '1.1' },
  { id: '5002@test.cc', orgId: 'org-1-1', orgName: '客服一部', orgTreePos: '1.1' },
  {
    id: '5003@test.cc',
    orgId: 'org-1-2',
    orgName: '客服二部',
    orgTreePos: '1.2',
    skills: ['7002@test.cc'],
  },
]

async function departments(who: Session): Promise<Response> {
  return who.fetch('/api/admin/departments')
}

describe('GET /api/admin/departments', () => {
  it('answers the departments agents are in, by name, with the one above and agent counts', async () => {
    await floorOf(...FLOOR)
    const res = await departments(admin)
    expect(res.status).toBe(200)
    const { departments: list } = (await res.json()) as { departments: Department[] }
    expect(
      list.map((d) => [d.treePos, d.name, d.parent, d.path.join(' / '), d.agentCount]),
    ).toEqual([
      ['1', null, null, '1', 3],
      ['1.1', '客服一部', '1', '1 / 客服一部', 2],
      ['1.2', '客服二部', '1', '1 / 客服二部', 1],
    ])
  })

  it('shows an admin of one department only that department', async () => {
    await floorOf(...FLOOR)
    await relay.createUser({ username: 'branch', role: 'admin', orgPrefix: '1.2' })
    const res = await departments(await relay.signIn('branch'))
    const { departments: list } = (await res.json()) as { departments: Department[] }
    expect(list.map((d) => d.name)).toEqual(['客服二部'])
  })

  it('is refused to supervisors', async () => {
    expect((await departments(relay.lead)).status).toBe(403)
    expect((await relay.lead.fetch('/api/admin/skill-groups')).status).toBe(403)
  })
})

describe('GET /api/admin/skill-groups', () => {
  it('answers the groups agents are in and the named ones, with their names', async () => {
    await floorOf(...FLOOR)
    await admin.fetch('/api/skill-names', {
      method: 'PUT',
      json: { names: { '7002@test.cc': '售后', '7009@test.cc': '夜班' } },
    })
    const res = await admin.fetch('/api/admin/skill-groups')
    const { skills } = (await res.json()) as { skills: SkillGroup[] }
    expect(skills).toEqual([
      { id: '7001@test.cc', name: null, agentCount: 2 },
      { id: '7002@test.cc', name: '售后', agentCount: 1 },
      { id: '7009@test.cc', name: '夜班', agentCount: 0 },
    ])
  })
})

describe('a user scope is checked against the floor', () => {
  it('refuses a department no agent is in, naming the field', async () => {
    await floorOf(...FLOOR)
    const res = await admin.fetch('/api/users', {
      method: 'POST',
      json: { username: 'li', role: 'viewer', orgPrefix: '1.9' },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/^orgPrefix: .*1\.9/)
  })

  it('refuses a scope sent under a name the relay does not know, rather than giving the whole tenant', async () => {
    await floorOf(...FLOOR)
    const res = await admin.fetch('/api/users', {
      method: 'POST',
      json: { username: 'li', role: 'supervisor', scope: { orgPrefix: '1.9' } },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/scope/)
    const users = (await (await admin.fetch('/api/users')).json()) as { username: string }[]
    expect(users.map((u) => u.username)).not.toContain('li')
  })

  it('refuses an unknown skill group, naming it', async () => {
    await floorOf(...FLOOR)
    const res = await admin.fetch('/api/users', {
      method: 'POST',
      json: { username: 'li', role: 'viewer', skills: ['7404@test.cc'] },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/^skills: 7404@test\.cc/)
  })

  it('takes a seen department (or the one above it) and audits it; refuses a change to an unseen one', async () => {
    await floorOf(...FLOOR)
    const created = await admin.fetch('/api/users', {
      method: 'POST',
      json: { username: 'li', role: 'viewer', orgPrefix: '1', skills: ['7002@test.cc'] },
    })
    expect(created.status).toBe(201)
    const { user } = (await created.json()) as { user: { id: number } }
    const moved = await admin.fetch(`/api/users/${user.id}`, {
      method: 'PATCH',
      json: { orgPrefix: '1.2' },
    })
    expect(moved.status).toBe(200)
    const refused = await admin.fetch(`/api/users/${user.id}`, {
      method: 'PATCH',
      json: { orgPrefix: '2' },
    })
    expect(refused.status).toBe(400)
    const page = (await (await admin.fetch('/api/audit')).json()) as AuditPage
    expect(page.entries.map((e) => [e.op, e.message])).toEqual([
      ['user-update', 'orgPrefix: 1 → 1.2'],
      ['user-create', 'role: — → viewer; orgPrefix: — → 1; skills: — → 7002@test.cc'],
    ])
  })

  it('takes any department before the floor has shown one agent (a fresh install)', async () => {
    const res = await admin.fetch('/api/users', {
      method: 'POST',
      json: { username: 'li', role: 'viewer', orgPrefix: '3.4' },
    })
    expect(res.status).toBe(201)
  })
})
