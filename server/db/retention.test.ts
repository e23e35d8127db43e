import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatEventTime } from '@/shared/platform-time'
import { AuditRepo, type NewAuditEntry } from '../actions/audit.repo'
import { AgentsRepo } from '../agents/agents.repo'
import { CallsRepo } from '../day-calls/calls.repo'
import { RecordingsRepo } from '../call-records/recordings.repo'
import { callEndEvent, startTestRelay, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { compactFile, openDatabase } from './database'
import { sqliteStore } from './store'

const DAY = 86_400_000
const TZ = 'Asia/Shanghai'
const relays: TestRelay[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close()
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

function audit(at: number, agentId: string): NewAuditEntry {
  return {
    at,
    userId: null,
    username: 'lead',
    namespace: 'test.cc',
    agentId,
    deviceId: null,
    callId: null,
    op: 'ready',
    reason: null,
    supervisorDevice: null,
    outcome: 'ok',
    status: 204,
    upstreamStatus: 204,
    message: null,
    latencyMs: 12,
  }
}

describe('retention', () => {
  it('removes what is past each setting at start, and keeps what is not', async () => {
    const now = Date.now()
    let clock = now - 40 * DAY
    const env = {
      EVENT_RETENTION_DAYS: '14',
      CALL_RETENTION_DAYS: '30',
      RECORDING_CACHE_DAYS: '7',
      AUDIT_RETENTION_DAYS: '60',
    }
    // The relay as it ran over the last weeks: its session of 40 days ago is long expired.
    const before = await startTestRelay({ env, now: () => clock })
    const at = (ms: number) => formatEventTime(ms, TZ)
    // Each event arrives as it happens (the relay refuses times far past its own clock).
    const post = async (event: Record<string, unknown>, happened: number) => {
      clock = happened + 1_000
      const res = await before.post(event)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    const state = (id: string, t: number, acState = 'Available') =>
      post(
        agentEvent({
          id,
          acState,
          stateChangeTime: at(t),
          timestamp: at(t),
          lastStateChangeTime: at(t - 60_000),
        }),
        t,
      )
    await state('5001@test.cc', now - 20 * DAY)
    await state('5002@test.cc', now - 20 * DAY)
    await state('5001@test.cc', now - DAY, 'Aux')
    const call = (id: string, end: number) =>
      post(
        callEndEvent({
          callId: id,
          timestamp: at(end),
          startTime: at(end - 60_000),
          answerTime: null,
          endTime: at(end),
        }),
        end,
      )
    await call('old-call', now - 40 * DAY)
    await call('new-call', now - 5 * DAY)
    const auditLog = new AuditRepo(before.store.db)
    await auditLog.insert(audit(now - 90 * DAY, 'old-action'))
    await auditLog.insert(audit(now - DAY, 'new-action'))
    const recordings = new RecordingsRepo(before.store.db)
    await recordings.remember('test.cc', [{ id: 'old-rec', callId: 'old-call' }], now - 10 * DAY)
    await recordings.remember('test.cc', [{ id: 'new-rec', callId: 'new-call' }], now - DAY)
    const peaks = path.join(before.dataDir, 'peaks')
    for (const [name, used] of [
      ['old.json.gz', now - 10 * DAY],
      ['new.json.gz', now - DAY],
    ] as const) {
      fs.writeFileSync(path.join(peaks, name), 'peaks')
      fs.utimesSync(path.join(peaks, name), new Date(used), new Date(used))
    }
    clock = now - 30 * 60_000
    const recent = await before.signIn('lead')
    await before.close({ keepData: true })

    const after = await startTestRelay({ dataDir: before.dataDir, env, now: () => now })
    relays.push(after)
    const agents = new AgentsRepo(after.store.db)
    const events = async (id: string) =>
      (await agents.eventsBetween('test.cc', id, 0, now)).map((v) => [v.stateSince, v.acState])
    expect(await events('5001@test.cc')).toEqual([[now - DAY, 'Aux']])
    expect(await events('5002@test.cc')).toEqual([[now - 20 * DAY, 'Available']]) // its latest
    const calls = new CallsRepo(after.store.db)
    expect(await calls.get('test.cc', 'old-call')).toBeNull()
    expect(await calls.get('test.cc', 'new-call')).not.toBeNull()
    expect(
      (await new AuditRepo(after.store.db).query('test.cc', { limit: 10, offset: 0 })).entries.map(
        (e) => e.agentId,
      ),
    ).toEqual(['new-action'])
    const known = new RecordingsRepo(after.store.db)
    expect(await known.get('test.cc', 'old-rec')).toBeNull()
    expect(await known.get('test.cc', 'new-rec')).not.toBeNull()
    expect(
      (
        after.db.prepare('SELECT created_at FROM sessions ORDER BY created_at').all() as {
          created_at: number
        }[]
      ).map((s) => s.created_at),
    ).toEqual([now - 30 * 60_000, now]) // the one just signed in, and this test's own
    const me = await fetch(`${after.url}/api/me`, { headers: { cookie: recent.cookie } })
    expect(me.status).toBe(200)
    await vi.waitFor(() => expect(fs.readdirSync(peaks)).toEqual(['new.json.gz']))
  })

  it('gives a large part of the file back after a prune, and keeps a little for new rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-'))
    dirs.push(dir)
    const db = openDatabase(dir)
    const store = sqliteStore(db)
    const file = path.join(dir, 'console.db')
    const repo = new AuditRepo(store.db)
    await store.db.transaction().execute(async (trx) => {
      const rows = new AuditRepo(trx)
      for (let i = 0; i < 20_000; i++) await rows.insert(audit(i, `agent-${i}`))
    })
    compactFile(db)
    const full = fs.statSync(file).size

    expect(await repo.prune(1_000)).toBe(1_000) // a twentieth: kept for the next writes
    expect(compactFile(db).releasedBytes).toBe(0)
    expect(fs.statSync(file).size).toBe(full)

    expect(await repo.prune(18_000)).toBe(17_000) // most of it
    expect(compactFile(db).releasedBytes).toBeGreaterThan(full / 2)
    expect(fs.statSync(file).size).toBeLessThan(full / 2)
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)
    expect((await repo.query('test.cc', { limit: 1, offset: 0 })).total).toBe(2_000)
    await store.close()
  })
})
