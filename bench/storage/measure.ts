import fs from 'node:fs'
import Database from 'better-sqlite3'

/** What a database file holds for each kind of record, after a checkpoint. */
export interface StoreSize {
  /** The database file after `wal_checkpoint(TRUNCATE)`, bytes (the WAL is then empty). */
  fileBytes: number
  /** Pages no table uses any more, bytes (reused by later writes). */
  freeBytes: number
  agentEvents: { rows: number; bytes: number; bytesPerRow: number; objects: Record<string, number> }
  calls: { rows: number; bytes: number; bytesPerRow: number; objects: Record<string, number> }
}

/**
 * Bytes on disk per stored agent event and per stored call: every page of the tables and
 * indexes that hold them (SQLite's `dbstat`, whole pages, so free space inside a page counts),
 * divided by the rows. Agent events are every table whose name starts with `agent` (the log and
 * whatever it refers to); calls are the `calls` table and its indexes.
 */
export function measureStore(file: string): StoreSize {
  const db = new Database(file)
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    const pages = db
      .prepare(
        `SELECT s.name AS name, m.tbl_name AS tbl, SUM(s.pgsize) AS bytes
         FROM dbstat s JOIN sqlite_schema m ON m.name = s.name GROUP BY s.name, m.tbl_name`,
      )
      .all() as { name: string; tbl: string; bytes: number }[]
    const group = (match: (table: string) => boolean, countSql: string) => {
      const objects = Object.fromEntries(
        pages.filter((p) => match(p.tbl)).map((p) => [p.name, p.bytes]),
      )
      const bytes = Object.values(objects).reduce((a, b) => a + b, 0)
      const rows = (db.prepare(countSql).get() as { n: number }).n
      return { rows, bytes, bytesPerRow: rows ? bytes / rows : 0, objects }
    }
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const free = db.pragma('freelist_count', { simple: true }) as number
    return {
      fileBytes: fs.statSync(file).size,
      freeBytes: free * pageSize,
      agentEvents: group((t) => t.startsWith('agent'), 'SELECT COUNT(*) AS n FROM agent_events'),
      calls: group((t) => t === 'calls', 'SELECT COUNT(*) AS n FROM calls'),
    }
  } finally {
    db.close()
  }
}
