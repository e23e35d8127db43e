import type { Db } from './database'

interface Pending {
  run: () => void
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit: writes asked for in the same turn of the event loop go to the database in one
 * transaction (a commit costs four times a row). Each caller's promise settles once its row is
 * committed, so a webhook is still answered only after what it brought is on disk.
 */
export class WriteBatcher {
  private queue: Pending[] = []
  private scheduled = false
  /** Transactions committed (for tests and health). */
  commits = 0

  constructor(private readonly db: Db) {}

  write(run: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /** Commits what is queued now (also used at shutdown). */
  flush(): void {
    const batch = this.queue
    this.queue = []
    this.scheduled = false
    if (batch.length === 0) return
    try {
      this.db.transaction(() => batch.forEach((p) => p.run()))()
      this.commits += 1
      batch.forEach((p) => p.resolve())
    } catch {
      // One bad write must not fail its neighbours: retry each on its own.
      for (const p of batch) {
        try {
          this.db.transaction(p.run)()
          this.commits += 1
          p.resolve()
        } catch (error) {
          p.reject(error)
        }
      }
    }
  }
}
