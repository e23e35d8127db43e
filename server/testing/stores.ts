import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterEach, beforeEach, describe, inject } from 'vitest'
import { openPostgres, openStore, type Store, type StoreKind } from '../db/store'

/** PostgreSQL for tests (null when unreachable: see services.global-setup.ts). */
export const postgresUrl = inject('postgresUrl')

/** A describe that runs only where the tests' PostgreSQL is reachable (said once at the start). */
export const describeWithPostgres = describe.skipIf(!postgresUrl)

/** A store for one test, removed with everything in it by `dispose`. */
export interface TestStore extends Store {
  /** The address another process would open this store with (DATABASE_URL), or null on SQLite. */
  databaseUrl: string | null
  /** The embedded store's folder (DATA_DIR). */
  dataDir: string
  dispose(): Promise<void>
}

/** A fresh embedded store in its own folder. */
export async function openTestSqlite(): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'))
  const store = await openStore({ dataDir })
  return {
    ...store,
    databaseUrl: null,
    dataDir,
    async dispose() {
      await store.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The URL of a schema of its own in the test database: `search_path` points there. */
export async function createTestSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('PostgreSQL is not reachable for tests')
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = new URL(postgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl })
      await c.connect()
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await c.end()
    },
  }
}

/** A fresh PostgreSQL store in a schema of its own, dropped by `dispose`. */
export async function openTestPostgres(): Promise<TestStore> {
  const schema = await createTestSchema()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'))
  const store = await openPostgres(schema.url)
  return {
    ...store,
    databaseUrl: schema.url,
    dataDir,
    async dispose() {
      await store.close()
      await schema.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const openTestStore = (kind: StoreKind): Promise<TestStore> =>
  kind === 'postgres' ? openTestPostgres() : openTestSqlite()

/**
 * The same tests on each engine: `body` gets the engine and opens its stores with
 * `openTestStore(kind)`. The PostgreSQL suite is skipped (and said so once, at the start of the
 * run) when PostgreSQL is unreachable.
 */
export function describeEachStore(title: string, body: (kind: StoreKind) => void): void {
  describe(`${title} on SQLite`, () => body('sqlite'))
  describeWithPostgres(`${title} on PostgreSQL`, () => body('postgres'))
}

/** A user row for tests of what refers to users (preferences, views, recent campaigns); its id. */
export async function addTestUser(db: Store['db'], username = 'lead'): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO users (username, password_hash, role, namespace, created_at, updated_at)
    VALUES (${username}, 'x', 'supervisor', 'test.cc', 0, 0) RETURNING id`.execute(db)
  return Number(rows[0]!.id)
}

/**
 * A fresh store of `kind` for each test of the enclosing describe, removed after it: call the
 * returned function inside a test (or a later `beforeEach`) for it.
 */
export function storePerTest(kind: StoreKind): () => TestStore {
  let store: TestStore | null = null
  beforeEach(async () => {
    store = await openTestStore(kind)
  })
  afterEach(async () => {
    await store?.dispose()
    store = null
  })
  return () => {
    if (!store) throw new Error('the test store is opened before each test')
    return store
  }
}
