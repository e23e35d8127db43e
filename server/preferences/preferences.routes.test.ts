import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestRelay, type TestRelay } from '../testing/test-relay'

let relay: TestRelay
beforeEach(async () => {
  relay = await startTestRelay()
})
afterEach(async () => {
  await relay.close()
})

const put = (json: unknown, session = relay.lead) =>
  session.fetch('/api/me/preferences', { method: 'PUT', json })

describe('/api/me/preferences', () => {
  it("keeps each user's own density across sign-ins and restarts", async () => {
    expect(await (await relay.lead.fetch('/api/me/preferences')).json()).toEqual({})
    const res = await put({ density: 'table' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ density: 'table' })
    // A field sent alone leaves the others as they were.
    expect(await (await put({ tableGroup: 'dept' })).json()).toEqual({
      density: 'table',
      tableGroup: 'dept',
    })

    await relay.createUser({ username: 'lead2', role: 'supervisor' })
    const other = await relay.signIn('lead2')
    expect(await (await other.fetch('/api/me/preferences')).json()).toEqual({})

    await relay.close({ keepData: true })
    relay = await startTestRelay({ dataDir: relay.dataDir })
    expect(await (await relay.lead.fetch('/api/me/preferences')).json()).toEqual({
      density: 'table',
      tableGroup: 'dept',
    })
  })

  it('refuses an unknown density or field, naming it, and a body too large', async () => {
    const bad = await put({ density: 'huge' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^density: /)

    const extra = await put({ density: 'compact', theme: 'dark' })
    expect(extra.status).toBe(400)
    expect(((await extra.json()) as { message: string }).message).toMatch(/theme/)

    expect((await put({ density: 'table', pad: 'x'.repeat(4000) })).status).toBe(413)
    expect(await (await relay.lead.fetch('/api/me/preferences')).json()).toEqual({})
  })

  it('needs a session and the CSRF header', async () => {
    expect((await fetch(`${relay.url}/api/me/preferences`)).status).toBe(401)
    const res = await relay.lead.fetch('/api/me/preferences', {
      method: 'PUT',
      json: { density: 'table' },
      csrf: false,
    })
    expect(res.status).toBe(403)
  })
})
