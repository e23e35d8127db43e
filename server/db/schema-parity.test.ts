import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeWithPostgres, openTestStore, type TestStore } from '../testing/stores'

/*
 * The two engines' schemas are written twice (SQLite's migrations and PostgreSQL's): a column
 * added to one and forgotten in the other would break only the engine the change was not tried on.
 */

type Columns = Record<string, string[]>

// Each engine's own record of which migrations ran.
const BOOKKEEPING = new Set(['schema_version', 'schema_migrations', 'sqlite_sequence'])

async function sqliteColumns(store: TestStore): Promise<Columns> {
  const { rows } = await sql<{ tbl: string; name: string; required: number; pk: number }>`
    SELECT m.name AS tbl, c.name, c."notnull" AS required, c.pk
    FROM sqlite_master m, pragma_table_info(m.name) c
    WHERE m.type IN ('table', 'view')`.execute(store.db)
  return group(rows.map((r) => [r.tbl, `${r.name}${r.required || r.pk ? ' not null' : ''}`]))
}

async function postgresColumns(store: TestStore): Promise<Columns> {
  const { rows } = await sql<{ tbl: string; name: string; nullable: string }>`
    SELECT table_name AS tbl, column_name AS name, is_nullable AS nullable
    FROM information_schema.columns WHERE table_schema = current_schema()`.execute(store.db)
  return group(rows.map((r) => [r.tbl, `${r.name}${r.nullable === 'NO' ? ' not null' : ''}`]))
}

function group(pairs: [string, string][]): Columns {
  const out: Columns = {}
  for (const [table, column] of pairs) {
    if (BOOKKEEPING.has(table)) continue
    ;(out[table] ??= []).push(column)
  }
  for (const table of Object.keys(out)) out[table]!.sort()
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

describeWithPostgres('the schema of both engines', () => {
  const stores: TestStore[] = []
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.dispose()
  })

  it('has the same tables and columns, the same ones required, after all migrations', async () => {
    const sqlite = await openTestStore('sqlite')
    const postgres = await openTestStore('postgres')
    stores.push(sqlite, postgres)
    const onSqlite = await sqliteColumns(sqlite)
    expect(Object.keys(onSqlite).length).toBeGreaterThan(10)
    expect(await postgresColumns(postgres)).toEqual(onSqlite)
  })
})
