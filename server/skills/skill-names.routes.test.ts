import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditPage } from '@/shared/audit'
import { type Session, startRelayWithAdmin, type TestRelay } from '../testing/test-relay'

// The names admins give skill groups: checked, kept for the tenant, shown to every screen, audited.
let relay: TestRelay
let admin: Session

beforeEach(async () => {
  ;({ relay, admin } = await startRelayWithAdmin())
})
afterEach(async () => {
  await relay.close()
})

function put(who: Session, names: Record<string, string>) {
  return who.fetch('/api/skill-names', { method: 'PUT', json: { names } })
}

async function message(res: Response): Promise<string> {
  return ((await res.json()) as { message: string }).message
}

describe('PUT /api/skill-names', () => {
  it('keeps trimmed names that every screen then reads, and audits what changed', async () => {
    expect((await put(admin, { '7001@test.cc': '  售前咨询 ' })).status).toBe(200)
    expect((await put(admin, { '7001@test.cc': '售前', '7002@test.cc': '售后' })).status).toBe(200)
    const read = await relay.lead.fetch('/api/skill-names')
    expect(await read.json()).toEqual({ names: { '7001@test.cc': '售前', '7002@test.cc': '售后' } })
    const page = (await (await admin.fetch('/api/audit')).json()) as AuditPage
    expect(page.entries.map((e) => e.message)).toEqual([
      '7001@test.cc: 售前咨询 → 售前; 7002@test.cc: — → 售后',
      '7001@test.cc: — → 售前咨询',
    ])
  })

  it('refuses an empty, too long or shared name, naming the skill group', async () => {
    const empty = await put(admin, { '7001@test.cc': '  ' })
    expect(empty.status).toBe(400)
    expect(await message(empty)).toMatch(/^names\.7001@test\.cc: /)
    const long = await put(admin, { '7001@test.cc': '长'.repeat(41) })
    expect(await message(long)).toMatch(/^names\.7001@test\.cc: at most 40 characters/)
    const shared = await put(admin, { '7001@test.cc': '售后', '7002@test.cc': ' 售后' })
    expect(shared.status).toBe(400)
    expect(await message(shared)).toBe('names: two skill groups may not share a name')
  })

  it('is refused to supervisors', async () => {
    expect((await put(relay.lead, { '7001@test.cc': '售前' })).status).toBe(403)
  })
})
