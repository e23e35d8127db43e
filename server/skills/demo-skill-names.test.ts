import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../db/database'
import { nameDemoSkills } from './demo-skill-names'
import { SkillNamesRepo } from './skill-names.repo'

let dir: string
let db: Db
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-skills-'))
  db = openDatabase(dir)
})
afterEach(() => {
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('demo skill-group names', () => {
  it('names the simulator groups of a tenant that has none', () => {
    const repo = new SkillNamesRepo(db)
    expect(nameDemoSkills(repo, 'test.cc', 1)).toBe(true)
    expect(repo.get('test.cc')['7001@test.cc']).toBe('售前咨询')
    expect(repo.get('test.cc')['7004@test.cc']).toBe('会员专线')
    expect(repo.get('other.cc')).toEqual({})
  })

  it("keeps an admin's own names", () => {
    const repo = new SkillNamesRepo(db)
    repo.replace('test.cc', { '7001@test.cc': '新客户' }, 'root', 1)
    expect(nameDemoSkills(repo, 'test.cc', 2)).toBe(false)
    expect(repo.get('test.cc')).toEqual({ '7001@test.cc': '新客户' })
  })
})
