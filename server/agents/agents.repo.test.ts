import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentView } from '@/shared/floor'
import { type Db, openDatabase } from '../db/database'
import { AgentsRepo } from './agents.repo'

const dbs: { db: Db; dir: string }[] = []
afterEach(() =>
  dbs.splice(0).forEach(({ db, dir }) => {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }),
)

function store(): { db: Db; repo: AgentsRepo } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-repo-'))
  const db = openDatabase(dir)
  dbs.push({ db, dir })
  return { db, repo: new AgentsRepo(db) }
}

function view(serial: number, stateSince: number, changes: Partial<AgentView> = {}): AgentView {
  return {
    id: '5001@test.cc',
    name: '张三',
    namespace: 'test.cc',
    acState: 'Available',
    acStateRaw: null,
    lastACState: 'Aux',
    stateSince,
    callId: null,
    customerNumber: null,
    channelAddr: '8001@test.cc',
    skills: ['7001@test.cc'],
    workSkill: null,
    org: { id: 'o1', name: '客服一部', treePos: '1.1' },
    reason: 'AgentOperation',
    serial: String(serial),
    ...changes,
  }
}

const count = (db: Db, table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('stored agent events', () => {
  it("give back each event's name, department and skills as they were then", () => {
    const { db, repo } = store()
    const events = [
      view(1, 1_000),
      view(2, 2_000, {
        acState: 'InboundTalking',
        lastACState: 'Available',
        callId: 'c1',
        workSkill: '7001@test.cc',
        reason: null,
      }),
      // Given a second skill group and moved to another department; renamed too.
      view(3, 3_000, {
        name: '张三丰',
        skills: ['7001@test.cc', '7002@test.cc'],
        org: { id: 'o2', name: '客服二部', treePos: '1.2' },
      }),
      view(4, 4_000, { acState: 'Unknown', acStateRaw: 'Training', lastACState: 'Available' }),
      // Back to the first skill group alone.
      view(5, 5_000, { skills: ['7001@test.cc'] }),
    ]
    const bare = view(1, 1_500, {
      id: '5002@test.cc',
      name: null,
      lastACState: null,
      channelAddr: null,
      skills: [],
      org: { id: null, name: null, treePos: null },
      reason: null,
    })
    for (const e of [...events, bare]) expect(repo.insert(e)).toBe(true)

    expect(repo.eventsBetween('test.cc', '5001@test.cc', 0, 10_000)).toEqual(events)
    expect(repo.eventsBetween('test.cc', '5002@test.cc', 0, 10_000)).toEqual([bare])
    // The range starts with the state the agent was in then, as it was then.
    expect(repo.eventsBetween('test.cc', '5001@test.cc', 3_500, 4_500)).toEqual(events.slice(2, 4))
    // What repeats is stored once: two profiles of 5001 (the first one came back), one of 5002.
    expect(count(db, 'agent_profiles')).toBe(3)
    expect(count(db, 'agent_event_log')).toBe(6)
  })

  it('rebuild the floor from the event with the highest serial, then the latest change', () => {
    const { repo } = store()
    repo.insert(view(1, 1_000))
    repo.insert(view(3, 2_000, { acState: 'Aux' })) // a higher serial with an earlier time
    repo.insert(view(2, 3_000, { acState: 'Acw' }))
    repo.insert(view(3, 2_500, { acState: 'Hold' })) // the same serial, later
    repo.insert(view(7, 500, { id: '5002@test.cc', name: '李四' }))
    expect(repo.insert(view(3, 2_500, { acState: 'Hold' }))).toBe(false) // the platform retried
    expect(
      repo
        .loadLatest()
        .map((v) => [v.id, v.serial, v.acState])
        .sort(),
    ).toEqual([
      ['5001@test.cc', '3', 'Hold'],
      ['5002@test.cc', '7', 'Available'],
    ])
  })

  it('refer to the right agent after a write batch that created one was rolled back', () => {
    const { db, repo } = store()
    expect(() =>
      db.transaction(() => {
        repo.insert(view(1, 1_000, { id: '5009@test.cc', name: '回滚' }))
        throw new Error('another write of the batch failed')
      })(),
    ).toThrow()
    // The ids the rolled-back rows had are given to others now.
    repo.insert(view(2, 2_000, { id: '5002@test.cc', name: '李四', skills: ['7002@test.cc'] }))
    repo.insert(view(3, 3_000, { id: '5009@test.cc', name: '王五' }))
    expect(repo.loadLatest().map((v) => [v.id, v.name, v.skills, v.serial])).toEqual([
      ['5002@test.cc', '李四', ['7002@test.cc'], '2'],
      ['5009@test.cc', '王五', ['7001@test.cc'], '3'],
    ])
  })

  it('are pruned by the time their state began, keeping what is newer and each agent’s latest', () => {
    const { db, repo } = store()
    const DAY = 86_400_000
    const t0 = 100 * DAY
    repo.insert(view(1, t0, { skills: ['old-skill'] }))
    repo.insert(view(2, t0 + DAY, { acState: 'Aux' }))
    repo.insert(view(3, t0 + 20 * DAY, { acState: 'InboundTalking', callId: 'c1' }))
    // An agent logged out long ago: their last word stays, whatever its age.
    repo.insert(view(1, t0, { id: '5002@test.cc', acState: 'Aux' }))
    repo.insert(view(2, t0 + DAY, { id: '5002@test.cc', acState: 'LogOut' }))
    const floor = repo.loadLatest()

    expect(repo.prune(t0 + 14 * DAY)).toBe(3)
    expect(repo.eventsBetween('test.cc', '5001@test.cc', 0, t0 + 30 * DAY)).toEqual([
      view(3, t0 + 20 * DAY, { acState: 'InboundTalking', callId: 'c1' }),
    ])
    expect(repo.eventsBetween('test.cc', '5002@test.cc', 0, t0 + 30 * DAY)).toEqual([
      view(2, t0 + DAY, { id: '5002@test.cc', acState: 'LogOut' }),
    ])
    expect(repo.loadLatest()).toEqual(floor)
    // The profile with the old skill is gone with the events that had it.
    expect(
      (
        db.prepare('SELECT skills FROM agent_profiles ORDER BY id').all() as { skills: string }[]
      ).map((r) => r.skills),
    ).toEqual(['["7001@test.cc"]', '["7001@test.cc"]'])
    // Written again after the prune, an event with the pruned profile reads back whole.
    repo.insert(view(4, t0 + 21 * DAY, { skills: ['old-skill'] }))
    expect(
      repo.eventsBetween('test.cc', '5001@test.cc', t0 + 21 * DAY, t0 + 22 * DAY).at(-1)?.skills,
    ).toEqual(['old-skill'])
    expect(repo.prune(t0 + 14 * DAY)).toBe(0)
  })
})
