import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { WriteBatcher } from './write-batcher'

describe('group commit', () => {
  it('commits the writes of one turn together, and settles each once it is on disk', async () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)')
    const batcher = new WriteBatcher(db)
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    const writes = Array.from({ length: 100 }, (_, i) => batcher.write(() => insert.run(i)))
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(0) // not yet
    await Promise.all(writes)
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(100)
    expect(batcher.commits).toBe(1)
  })

  it('fails only the write that fails', async () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)')
    const batcher = new WriteBatcher(db)
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    const results = await Promise.allSettled([
      batcher.write(() => insert.run(1)),
      batcher.write(() => insert.run(1)), // a primary-key clash
      batcher.write(() => insert.run(2)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(2)
  })
})
