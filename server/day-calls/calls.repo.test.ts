import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallSummary } from '@/shared/floor'
import { type Db, openDatabase } from '../db/database'
import { CallsRepo } from './calls.repo'

const dbs: { db: Db; dir: string }[] = []
afterEach(() =>
  dbs.splice(0).forEach(({ db, dir }) => {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }),
)

function store(): CallsRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calls-repo-'))
  const db = openDatabase(dir)
  dbs.push({ db, dir })
  return new CallsRepo(db)
}

function call(callId: string, changes: Partial<CallSummary> = {}): CallSummary {
  return {
    callId,
    namespace: 'test.cc',
    callType: 'Inbound',
    ani: '13912345678',
    dnis: '33255500',
    customerPhone: '13912345678',
    agentId: '5001@test.cc',
    deviceId: '8001@test.cc',
    skillId: '7001@test.cc',
    startTime: 1_764_000_000_123,
    answerTime: 1_764_000_010_456,
    endTime: 1_764_000_100_789,
    queueSec: 2.673,
    talkSec: 90.333,
    endReason: 'CustomerHangup',
    hangupCause: 'NORMAL_CLEARING',
    hangupDevice: '13912345678',
    conferenced: true,
    transferred: false,
    orgTreePos: '1.1',
    ...changes,
  }
}

describe('stored calls', () => {
  it('read back exactly as the relay summed them up, once per call', () => {
    const repo = store()
    const full = call('c1')
    const sparse = call('c2', {
      callType: null,
      ani: null,
      dnis: null,
      customerPhone: null,
      agentId: null,
      deviceId: null,
      skillId: null,
      startTime: null,
      answerTime: null,
      endTime: null,
      queueSec: null,
      talkSec: null,
      endReason: null,
      hangupCause: null,
      hangupDevice: null,
      conferenced: null,
      transferred: null,
      orgTreePos: null,
    })
    const whole = call('c3', { queueSec: 0, talkSec: 12, conferenced: false, transferred: true })
    expect(repo.insert(full, '2026-03-02', 1)).toBe(true)
    expect(repo.insert(sparse, '2026-03-02', 2)).toBe(true)
    expect(repo.insert(whole, '2026-03-02', 3)).toBe(true)
    expect(repo.insert(full, '2026-03-02', 4)).toBe(false) // a retry

    expect(repo.get('test.cc', 'c1')).toEqual(full)
    expect(repo.get('test.cc', 'c2')).toEqual(sparse)
    expect(repo.get('test.cc', 'c3')).toEqual(whole)
    expect(repo.get('other.cc', 'c1')).toBeNull()
    expect(repo.exists('test.cc', 'c3')).toBe(true)
    // Oldest first; a call without an end time comes first.
    expect(repo.listDay('2026-03-02')).toEqual([sparse, full, whole])
  })

  it('are pruned by the day they ended, keeping the days since', () => {
    const repo = store()
    repo.insert(call('old'), '2026-01-31', 1)
    repo.insert(call('edge'), '2026-02-01', 1)
    repo.insert(call('new', { namespace: 'other.cc' }), '2026-03-02', 1)
    expect(repo.prune('2026-02-01')).toBe(1)
    expect(repo.get('test.cc', 'old')).toBeNull()
    expect(repo.listDay('2026-02-01').map((c) => c.callId)).toEqual(['edge'])
    expect(repo.listDay('2026-03-02').map((c) => c.callId)).toEqual(['new'])
  })
})
