import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditPage } from '@/shared/audit'
import type { CreatedUser, CreatedKiosk } from '@/shared/admin'
import type { FloorSettings } from '@/shared/settings'
import type { CreatedWebhookToken } from '@/shared/webhook-tokens'
import { type Session, startRelayWithAdmin, type TestRelay } from '../testing/test-relay'

// Every change an admin makes lands in the audit log (and its CSV) beside the supervisors'
// actions: who, what, on what, and what changed. Never a password or a token's secret.
let relay: TestRelay
let admin: Session

beforeEach(async () => {
  ;({ relay, admin } = await startRelayWithAdmin())
})
afterEach(async () => {
  await relay.close()
})

async function ok(res: Promise<Response>, status: number): Promise<Response> {
  const r = await res
  expect(r.status, await r.clone().text()).toBe(status)
  return r
}

describe('the audit log of admin changes', () => {
  it('records users, passwords, wall screens, webhook tokens, thresholds and skill names', async () => {
    const created = (await (
      await ok(
        admin.fetch('/api/users', {
          method: 'POST',
          json: { username: 'wang', role: 'viewer', orgPrefix: '1.2' },
        }),
        201,
      )
    ).json()) as CreatedUser
    const id = created.user.id
    await ok(
      admin.fetch(`/api/users/${id}`, {
        method: 'PATCH',
        json: { role: 'supervisor', skills: ['7001@test.cc'] },
      }),
      200,
    )
    await ok(admin.fetch(`/api/users/${id}`, { method: 'PATCH', json: { disabled: true } }), 200)
    const reset = (await (
      await ok(admin.fetch(`/api/users/${id}/password`, { method: 'POST', json: {} }), 200)
    ).json()) as { password: string }

    const kiosk = (await (
      await ok(admin.fetch('/api/kiosks', { method: 'POST', json: { name: '大厅大屏' } }), 201)
    ).json()) as CreatedKiosk
    await ok(admin.fetch(`/api/kiosks/${kiosk.link.id}`, { method: 'DELETE' }), 204)

    const token = (await (
      await ok(
        admin.fetch('/api/webhook-tokens', { method: 'POST', json: { name: '新平台' } }),
        201,
      )
    ).json()) as CreatedWebhookToken
    await ok(admin.fetch(`/api/webhook-tokens/${token.token.id}`, { method: 'DELETE' }), 204)

    const settings = (await (await admin.fetch('/api/settings')).json()) as FloorSettings
    const changed = {
      ...settings,
      families: { ...settings.families, acw: { amberSec: 90, redSec: 180 } },
    }
    await ok(admin.fetch('/api/settings', { method: 'PUT', json: changed }), 200)
    await ok(
      admin.fetch('/api/skill-names', {
        method: 'PUT',
        json: { names: { '7001@test.cc': '售前咨询' } },
      }),
      200,
    )

    const page = (await (await admin.fetch('/api/audit')).json()) as AuditPage
    const rows = page.entries.map((e) => [e.op, e.username, e.agentId, e.message]).reverse()
    expect(rows).toEqual([
      ['user-create', 'root', 'wang', 'role: — → viewer; orgPrefix: — → 1.2'],
      ['user-update', 'root', 'wang', 'role: viewer → supervisor; skills: — → 7001@test.cc'],
      ['user-update', 'root', 'wang', 'disabled: false → true'],
      ['password-reset', 'root', 'wang', 'temporary, made by the console'],
      ['kiosk-mint', 'root', '大厅大屏', null],
      ['kiosk-revoke', 'root', '大厅大屏', `#${kiosk.link.id}`],
      ['webhook-token-mint', 'root', '新平台', `#${token.token.id}`],
      ['webhook-token-revoke', 'root', '新平台', `#${token.token.id}`],
      [
        'thresholds',
        'root',
        'thresholds',
        'families.acw.amberSec: 60 → 90; families.acw.redSec: 120 → 180',
      ],
      ['skill-names', 'root', 'skill-names', '7001@test.cc: — → 售前咨询'],
    ])
    expect(page.entries.every((e) => e.outcome === 'ok')).toBe(true)

    // Filtered by operation, and exported with the screen's words, secrets nowhere.
    const resets = (await (await admin.fetch('/api/audit?op=password-reset')).json()) as AuditPage
    expect(resets.total).toBe(1)
    const zh = await (await admin.fetch('/api/audit.csv')).text()
    for (const label of ['新建用户', '修改用户', '重置密码', '创建大屏链接', '吊销大屏链接'])
      expect(zh).toContain(label)
    for (const label of ['创建回调令牌', '吊销回调令牌', '修改阈值', '修改技能组名称'])
      expect(zh).toContain(label)
    const en = await (await admin.fetch('/api/audit.csv?lang=en&op=kiosk-revoke')).text()
    expect(en).toContain('Revoke wall-screen link')
    expect(en.trim().split('\r\n')).toHaveLength(2)
    const secret = new URLSearchParams(token.path.split('?')[1]).get('token')!
    for (const text of [zh, JSON.stringify(page)]) {
      expect(text).not.toContain(reset.password)
      expect(text).not.toContain(secret)
      expect(text).not.toContain(kiosk.path)
    }
  })

  it('records nothing for a refused change', async () => {
    await ok(
      admin.fetch('/api/users', { method: 'POST', json: { username: 'x', role: 'viewer' } }),
      400,
    )
    await ok(admin.fetch('/api/skill-names', { method: 'PUT', json: { names: { a: '' } } }), 400)
    const page = (await (await admin.fetch('/api/audit')).json()) as AuditPage
    expect(page.total).toBe(0)
  })
})
