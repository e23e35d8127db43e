import type { SqliteDatabase, SqliteStatement } from 'kysely'
import type { Db } from './database'

// Statements kept per file; queries whose text varies (an IN list of any length) take turns.
const MAX_STATEMENTS = 500

/**
 * The embedded file as Kysely's SQLite dialect sees it, keeping each prepared statement for the
 * next query of the same text. The dialect prepares every query afresh, and under a stream of
 * webhooks SQLite's compiling the same few statements was the relay's largest single cost
 * (a sixth of its busy time). better-sqlite3 runs one statement at a time on its connection and
 * re-prepares by itself after a schema change, so reusing them is safe; the relay never streams
 * query results (a streamed statement stays busy until read to the end).
 */
export function withStatementCache(db: Db, max = MAX_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => db.close(),
    prepare(sql) {
      const held = statements.get(sql)
      if (held) {
        // Most recently used last: the first entry is the one to drop.
        statements.delete(sql)
        statements.set(sql, held)
        return held
      }
      const statement = db.prepare(sql) as unknown as SqliteStatement
      if (statements.size >= max) statements.delete(statements.keys().next().value!)
      statements.set(sql, statement)
      return statement
    },
  }
}
