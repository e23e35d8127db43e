import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { type Db, openDatabase } from './database'
import { POSTGRES_MIGRATIONS } from './postgres-migrations'
import { withStatementCache } from './statement-cache'

/** Where the console keeps what must last. */
export type StoreKind = 'sqlite' | 'postgres'

/**
 * The query layer both engines share (Kysely). Repos write their SQL with its `sql` template:
 * values are bound as parameters in each engine's own syntax, and the SQL itself is what both
 * engines speak (see postgres-migrations.ts for how the schemas match).
 */
export type Sql = Kysely<Tables>
// Queries name their row types themselves (`sql<Row>`…); the builder's table typing is unused.
type Tables = Record<string, Record<string, unknown>>

export interface Store {
  kind: StoreKind
  db: Sql
  /** The embedded file's own handle (SQLite only), for its upkeep (compactFile). */
  sqlite: Db | null
  close(): Promise<void>
}

// PostgreSQL's BIGINT (epoch milliseconds, ids, counts) and NUMERIC come back as strings from
// the driver; the console's values are all well inside a double's exact range.
const PG_INT8 = 20
const PG_NUMERIC = 1700
pg.types.setTypeParser(PG_INT8, (v) => Number(v))
pg.types.setTypeParser(PG_NUMERIC, (v) => Number(v))

// Connections each process keeps to PostgreSQL.
const POOL_SIZE = 10
// A query waiting for a free connection, or a connection being made, gives up after this, ms.
const CONNECT_TIMEOUT_MS = 5_000
// Every process takes this advisory lock while it migrates: two starting together apply
// each step once.
const MIGRATION_LOCK = 0x77_65_6c_6c // "well"

export interface StoreOptions {
  /** The embedded file's folder (DATA_DIR). */
  dataDir: string
  /** postgres://… to keep everything in PostgreSQL instead (DATABASE_URL). */
  databaseUrl?: string | null
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl)
  return sqliteStore(openDatabase(opts.dataDir))
}

/** A store over an embedded database already open (and migrated). */
export function sqliteStore(database: Db): Store {
  const db: Sql = new Kysely({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  })
  return {
    kind: 'sqlite',
    db,
    sqlite: database,
    async close() {
      // Kysely's dialect closes the file with it.
      await db.destroy()
    },
  }
}

/**
 * PostgreSQL at `url` (a `?options=-c search_path=…` in it picks a schema). The schema is
 * migrated under an advisory lock before anything else runs.
 */
export async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  // An idle connection the server dropped (a restart) is reported here; the pool replaces it.
  pool.on('error', () => {})
  const db: Sql = new Kysely({ dialect: new PostgresDialect({ pool }) })
  try {
    await migratePostgres(db)
  } catch (err) {
    await db.destroy()
    throw err
  }
  return {
    kind: 'postgres',
    db,
    sqlite: null,
    async close() {
      await db.destroy()
    },
  }
}

/** Applies the steps not yet applied, all in one transaction under the migration lock. */
export async function migratePostgres(db: Sql): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)
    await sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`.execute(trx)
    const { rows } = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(trx)
    const current = rows[0]?.version ?? 0
    if (current > POSTGRES_MIGRATIONS.length) {
      throw new Error(
        `the database's schema is version ${current}, newer than this release knows (${POSTGRES_MIGRATIONS.length}): run the newer release`,
      )
    }
    for (const step of POSTGRES_MIGRATIONS.slice(current)) await sql.raw(step).execute(trx)
    if (rows.length === 0)
      await sql`INSERT INTO schema_version (version) VALUES (${POSTGRES_MIGRATIONS.length})`.execute(
        trx,
      )
    else await sql`UPDATE schema_version SET version = ${POSTGRES_MIGRATIONS.length}`.execute(trx)
    return POSTGRES_MIGRATIONS.length - current
  })
}

/** Rows a write changed, as both engines report it. */
export function changed(result: { numAffectedRows?: bigint }): number {
  return Number(result.numAffectedRows ?? 0n)
}
