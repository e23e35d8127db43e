import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { openDatabase } from './database'
import { withStatementCache } from './statement-cache'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function open(max?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statements-'))
  dirs.push(dir)
  const file = openDatabase(dir)
  let prepared = 0
  const prepare = file.prepare.bind(file)
  file.prepare = (source: string) => {
    prepared += 1
    return prepare(source)
  }
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: withStatementCache(file, max) }),
  })
  return { db, prepared: () => prepared }
}

it('prepares a query once however often it runs, with each run its own values', async () => {
  const { db, prepared } = open()
  await sql`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)`.execute(db)
  const before = prepared()
  for (let i = 0; i < 50; i++) await sql`INSERT INTO t (k, v) VALUES (${`k${i}`}, ${i})`.execute(db)
  const rows = []
  for (const k of ['k3', 'k49']) {
    const { rows: found } = await sql<{ v: number }>`SELECT v FROM t WHERE k = ${k}`.execute(db)
    rows.push(found[0]?.v)
  }
  expect(rows).toEqual([3, 49])
  expect(prepared() - before).toBe(2)
  await db.destroy()
})

it('keeps a bounded number, and answers right after a statement was dropped or the schema changed', async () => {
  const { db, prepared } = open(2)
  await sql`CREATE TABLE t (k TEXT PRIMARY KEY)`.execute(db)
  await sql`INSERT INTO t (k) VALUES ('a'), ('b')`.execute(db)
  const count = async (k: string) =>
    (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM t WHERE k = ${k}`.execute(db)).rows[0]?.n
  // Three texts through a cache of two: the first is dropped and prepared again.
  expect(await count('a')).toBe(1)
  await sql`SELECT 2`.execute(db)
  await sql`SELECT 3`.execute(db)
  const before = prepared()
  expect(await count('b')).toBe(1)
  expect(prepared() - before).toBe(1)
  // A column added after the statement was prepared is seen by it.
  const row = async () => (await sql`SELECT * FROM t WHERE k = ${'a'}`.execute(db)).rows[0]
  expect(await row()).toEqual({ k: 'a' })
  await sql`ALTER TABLE t ADD COLUMN v INTEGER DEFAULT 7`.execute(db)
  expect(await row()).toEqual({ k: 'a', v: 7 })
  await db.destroy()
})
