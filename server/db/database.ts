import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

// SQLite's auto_vacuum modes (PRAGMA auto_vacuum).
const INCREMENTAL = 2
// After a checkpoint the write-ahead log is cut back to this size, bytes: a large transaction
// (a migration, a prune) grows it, and without a limit it would keep that size for good.
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024
// Free pages are given back to the file system once they are more than this share of the file;
// fewer are kept for the next writes (a prune frees about what the next hour writes).
const FREE_SHARE_KEPT = 0.25

/**
 * Opens (and creates) the embedded database under `dataDir` and brings its schema up to date.
 * WAL with synchronous=NORMAL: a committed write survives the process dying, and a webhook
 * is acknowledged only after its row is written.
 */
export function openDatabase(dataDir: string, fileName = 'console.db'): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, fileName))
  // Takes effect only on a new file (set before anything is written); older files get it below.
  db.pragma('auto_vacuum = INCREMENTAL')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  migrate(db)
  if (db.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL) {
    // A file from an earlier release: rewriting it once turns incremental vacuum on and gives
    // back what the migrations freed (the compact store is a fraction of the old one).
    db.exec('VACUUM')
    db.pragma('wal_checkpoint(TRUNCATE)')
  }
  return db
}

/** Applies the migrations not yet applied, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  MIGRATIONS.slice(current).forEach((step, i) => {
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step)
      else step(db)
      db.pragma(`user_version = ${current + i + 1}`)
    })()
  })
}

/** What `compactFile` did. */
export interface FileUpkeep {
  /** Bytes the file gave back to the file system. */
  releasedBytes: number
  /** Bytes of the write-ahead log moved into the database (it is then empty). */
  checkpointedBytes: number
}

/**
 * Keeps the database file from growing for good, after a prune: the write-ahead log is
 * checkpointed and emptied, and when the free pages are more than a quarter of the file
 * (retention lowered, a burst pruned) they are given back to the file system. Fewer free
 * pages stay: the next writes reuse them.
 */
export function compactFile(db: Db): FileUpkeep {
  const [wal] = db.pragma('wal_checkpoint(TRUNCATE)') as { log: number }[]
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db.pragma('page_count', { simple: true }) as number
  const free = db.pragma('freelist_count', { simple: true }) as number
  let released = 0
  if (free > pages * FREE_SHARE_KEPT) {
    db.pragma(`incremental_vacuum(${free})`)
    released = free - (db.pragma('freelist_count', { simple: true }) as number)
    db.pragma('wal_checkpoint(TRUNCATE)')
  }
  return {
    releasedBytes: released * pageSize,
    checkpointedBytes: Math.max(0, wal?.log ?? 0) * pageSize,
  }
}
