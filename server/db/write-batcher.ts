import type { Sql, Store } from './store'

/** One write of a batch: its statements, run inside the batch's transaction. */
export type Write = (trx: Sql) => void | Promise<void>

interface Pending {
  run: Write
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Group commit: writes asked for in the same turn of the event loop go to the database in one
 * transaction (a commit costs four times a row). Each caller's promise settles once its rows are
 * committed, so a webhook is still answered only after what it brought is durable. Batches
 * commit one after another; writes asked for while one commits make up the next. A write may
 * only gather its rows, for a `beforeCommit` hook to store the whole batch's in one statement.
 */
export class WriteBatcher {
  private queue: Pending[] = []
  private scheduled = false
  private committing: Promise<void> = Promise.resolve()
  /** Transactions committed (for tests and health). */
  commits = 0
  private readonly rolledBack: Array<() => void> = []
  private readonly beforeCommits: Write[] = []

  constructor(private readonly store: Store) {}

  /**
   * Told each time a transaction is rolled back, before anything else is written: whoever
   * cached what it wrote (a new row's id) forgets it.
   */
  onRollback(listener: () => void): void {
    this.rolledBack.push(listener)
  }

  /**
   * Run in every transaction after its writes, before it commits: whoever gathered rows from
   * the writes (to store them in one statement per table) stores them there. A hook that
   * fails rolls the transaction back like a failed write.
   */
  beforeCommit(hook: Write): void {
    this.beforeCommits.push(hook)
  }

  write(run: Write): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => void this.flush())
      }
    })
  }

  /** Commits what is queued now, after any batch already committing (also used at shutdown). */
  flush(): Promise<void> {
    this.committing = this.committing.then(() => this.commit())
    return this.committing
  }

  private async commit(): Promise<void> {
    const batch = this.queue
    this.queue = []
    this.scheduled = false
    if (batch.length === 0) return
    const { db } = this.store
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of batch) await p.run(trx)
        await this.finish(trx)
      })
      this.commits += 1
      batch.forEach((p) => p.resolve())
    } catch {
      this.rolledBack.forEach((listener) => listener())
      // One bad write must not fail its neighbours: retry each on its own.
      for (const p of batch) {
        try {
          await db.transaction().execute(async (trx) => {
            await p.run(trx)
            await this.finish(trx)
          })
          this.commits += 1
          p.resolve()
        } catch (error) {
          this.rolledBack.forEach((listener) => listener())
          p.reject(error)
        }
      }
    }
  }

  private async finish(trx: Sql): Promise<void> {
    for (const hook of this.beforeCommits) await hook(trx)
  }
}
