import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SavedView } from '@/shared/views'
import { startTestRelay, type TestRelay } from '../testing/test-relay'

let relay: TestRelay
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

describe('saved views', () => {
  it('are saved by a supervisor, seen by the tenant, deleted by their owner or an admin', async () => {
    const res = await relay.lead.fetch('/api/views', {
      method: 'POST',
      json: { name: '售前组', query: 'skill=7001%40test.cc&sort=time' },
    })
    expect(res.status).toBe(201)
    const view = (await res.json()) as SavedView
    expect(view).toMatchObject({
      name: '售前组',
      owner: 'lead',
      query: 'skill=7001%40test.cc&sort=time',
    })

    await relay.createUser({ username: 'watcher', role: 'viewer' })
    const viewer = await relay.signIn('watcher')
    expect(
      ((await (await viewer.fetch('/api/views')).json()) as SavedView[]).map((v) => v.id),
    ).toEqual([view.id])
    expect(
      (await viewer.fetch('/api/views', { method: 'POST', json: { name: 'x', query: '' } })).status,
    ).toBe(403)

    await relay.createUser({ username: 'lead2', role: 'supervisor' })
    const other = await relay.signIn('lead2')
    expect((await other.fetch(`/api/views/${view.id}`, { method: 'DELETE' })).status).toBe(403)
    await relay.createUser({ username: 'lead-b', role: 'supervisor', namespace: 'other.cc' })
    const foreign = await relay.signIn('lead-b')
    expect((await (await foreign.fetch('/api/views')).json()) as SavedView[]).toEqual([])
    expect((await foreign.fetch(`/api/views/${view.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await relay.lead.fetch(`/api/views/${view.id}`, { method: 'DELETE' })).status).toBe(204)
  })

  it('keep the density, and refuse one the floor does not have', async () => {
    const res = await relay.lead.fetch('/api/views', {
      method: 'POST',
      json: { name: '表格', query: 'density=table&sort=time' },
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as SavedView).query).toBe('density=table&sort=time')
    const bad = await relay.lead.fetch('/api/views', {
      method: 'POST',
      json: { name: 'x', query: 'density=huge' },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^query: density must be/)
  })

  it('hold only floor filters', async () => {
    const res = await relay.lead.fetch('/api/views', {
      method: 'POST',
      json: { name: 'evil', query: 'redirect=https://evil.example' },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^query: only skill, dept, state, q, sort, breach, figures, density may be saved/,
    )
  })
})
