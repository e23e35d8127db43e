import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { AgentsRepo } from '../agents/agents.repo'
import { migrate, openDatabase } from './database'
import { MIGRATIONS } from './migrations'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function view(serial: number, stateSince: number, acState: AgentView['acState']): AgentView {
  return {
    id: '5001@test.cc',
    name: '张三',
    namespace: 'test.cc',
    acState,
    acStateRaw: acState,
    lastACState: null,
    stateSince,
    callId: null,
    channelAddr: null,
    skills: ['7001@test.cc'],
    workSkill: null,
    org: { id: 'o1', name: '客服一部', treePos: '1.1' },
    reason: null,
    serial,
  }
}

describe('the stored agent events across an upgrade', () => {
  it('keeps every event written before the re-keying, and still refuses a repeat', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'))
    dirs.push(dir)
    const file = path.join(dir, 'console.db')
    // A database as an earlier release left it: every migration but the re-keying.
    const before = MIGRATIONS.length - 1
    const old = new Database(file)
    old.transaction(() => {
      MIGRATIONS.slice(0, before).forEach((sql) => old.exec(sql))
      old.pragma(`user_version = ${before}`)
    })()
    new AgentsRepo(old).insert(view(1, 1_000, 'Available'), 1_000)
    new AgentsRepo(old).insert(view(2, 2_000, 'InboundTalking'), 2_000)
    old.close()

    const db = openDatabase(dir)
    migrate(db) // a second run does nothing
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    const repo = new AgentsRepo(db)
    expect(
      repo.eventsBetween('test.cc', '5001@test.cc', 1_500, 3_000).map((v) => v.acState),
    ).toEqual(['Available', 'InboundTalking'])
    expect(repo.insert(view(2, 2_000, 'InboundTalking'), 3_000)).toBe(false) // the platform retried
    expect(repo.insert(view(3, 3_000, 'Acw'), 3_000)).toBe(true)
    expect(repo.loadLatest().map((v) => v.acState)).toEqual(['Acw'])
    db.close()
  })
})
