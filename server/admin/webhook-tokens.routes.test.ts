import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWebhookToken, WebhookTokenList } from '@/shared/webhook-tokens'
import { type Session, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'

let relay: TestRelay
let admin: Session
beforeEach(async () => {
  relay = await startTestRelay()
  // A third tenant, with no token in the settings: its admin mints one in the console.
  await relay.createUser({ username: 'admin-t', role: 'admin', namespace: 'third.cc' })
  admin = await relay.signIn('admin-t')
})
afterEach(async () => {
  await relay.close()
})

async function mint(session: Session, name = 'Production callback'): Promise<CreatedWebhookToken> {
  const res = await session.fetch('/api/webhook-tokens', { method: 'POST', json: { name } })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedWebhookToken
}

async function list(session: Session): Promise<WebhookTokenList> {
  const res = await session.fetch('/api/webhook-tokens')
  expect(res.status).toBe(200)
  return (await res.json()) as WebhookTokenList
}

const secretOf = (created: CreatedWebhookToken) =>
  new URLSearchParams(created.path.split('?')[1]).get('token')!

const thirdAgent = (serial: number) =>
  agentEvent({ id: '5001@third.cc', namespace: 'third.cc', serial, channelAddr: '8001@third.cc' })

describe('webhook tokens minted in the console', () => {
  it('admit their tenant at once, and nothing from the moment they are revoked', async () => {
    expect((await relay.post(thirdAgent(1))).status).toBe(403) // test.cc's token
    const created = await mint(admin)
    expect(created.path).toMatch(/^\/webhooks\/wellcloud\?token=[\w-]{32}$/)
    const token = secretOf(created)

    expect((await relay.post(thirdAgent(2), { token })).status).toBe(200)
    const foreign = await relay.post(agentEvent({ id: '5001@test.cc' }), { token })
    expect(foreign.status).toBe(403)
    expect(foreign.body.message).toMatch(/admits events of third\.cc only, not of test\.cc/)

    const revoked = await admin.fetch(`/api/webhook-tokens/${created.token.id}`, {
      method: 'DELETE',
    })
    expect(revoked.status).toBe(204)
    expect((await relay.post(thirdAgent(3), { token })).status).toBe(401)
    const [shown] = (await list(admin)).tokens
    expect(shown?.revokedAt).not.toBeNull()
  })

  it('are shown once: the list names tenant, maker, creation and last use, never the secret', async () => {
    const created = await mint(admin, 'Callback 2026-12')
    const token = secretOf(created)
    expect(created.token).toMatchObject({
      name: 'Callback 2026-12',
      namespace: 'third.cc',
      createdBy: 'admin-t',
      revokedAt: null,
      lastUsedAt: null,
    })
    await relay.post(thirdAgent(1), { token })

    const listed = await list(admin)
    expect(listed.tokens).toHaveLength(1)
    expect(listed.tokens[0]).toMatchObject({ id: created.token.id, namespace: 'third.cc' })
    expect(listed.tokens[0]?.lastUsedAt).toEqual(expect.any(Number))
    expect(listed.settings).toEqual({ count: 0, lastUsedAt: null })
    const text = JSON.stringify(listed)
    expect(text).not.toContain(token)
    // Only a hash is stored.
    const rows = relay.db.prepare('SELECT * FROM webhook_tokens').all()
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows).toMatchObject([{ token_hash: createHash('sha256').update(token).digest('hex') }])
  })

  it('say which tokens from the settings also admit the tenant', async () => {
    await relay.createUser({ username: 'boss', role: 'admin' })
    const testAdmin = await relay.signIn('boss')
    expect((await list(testAdmin)).settings).toEqual({ count: 1, lastUsedAt: null })
    await relay.post(agentEvent())
    expect((await list(testAdmin)).settings.lastUsedAt).toEqual(expect.any(Number))
  })

  it('refuse non-admins, department admins, and another tenant’s admin', async () => {
    const created = await mint(admin)
    const lead = relay.lead
    expect((await lead.fetch('/api/webhook-tokens')).status).toBe(403)
    const post = await lead.fetch('/api/webhook-tokens', { method: 'POST', json: { name: 'x' } })
    expect(post.status).toBe(403)
    await relay.createUser({ username: 'watcher', role: 'viewer', namespace: 'third.cc' })
    const viewer = await relay.signIn('watcher')
    const del = await viewer.fetch(`/api/webhook-tokens/${created.token.id}`, { method: 'DELETE' })
    expect(del.status).toBe(403)

    await relay.createUser({
      username: 'admin-dept',
      role: 'admin',
      namespace: 'third.cc',
      orgPrefix: '1.2',
    })
    const dept = await relay.signIn('admin-dept')
    const refused = await dept.fetch('/api/webhook-tokens', { method: 'POST', json: { name: 'x' } })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { message: string }).message).toMatch(/whole tenant/)

    await relay.createUser({ username: 'admin-a', role: 'admin' })
    const other = await relay.signIn('admin-a')
    expect((await list(other)).tokens).toEqual([])
    const notTheirs = await other.fetch(`/api/webhook-tokens/${created.token.id}`, {
      method: 'DELETE',
    })
    expect(notTheirs.status).toBe(404)

    // Still in force after all that.
    expect((await relay.post(thirdAgent(1), { token: secretOf(created) })).status).toBe(200)
    expect((await list(admin)).tokens.map((t) => t.revokedAt)).toEqual([null])
  })

  it('keep their state across a restart of the relay', async () => {
    const kept = secretOf(await mint(admin, 'kept'))
    const gone = await mint(admin, 'gone')
    await admin.fetch(`/api/webhook-tokens/${gone.token.id}`, { method: 'DELETE' })
    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir: relay.dataDir })
    expect((await relay.post(thirdAgent(1), { token: kept })).status).toBe(200)
    expect((await relay.post(thirdAgent(2), { token: secretOf(gone) })).status).toBe(401)
  })

  it('refuses a token without a name, naming the field', async () => {
    const res = await admin.fetch('/api/webhook-tokens', { method: 'POST', json: { name: ' ' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/^name: /)
  })
})
