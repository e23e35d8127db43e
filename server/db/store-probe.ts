import { sql } from 'kysely'
import type { Store } from './store'

// PostgreSQL is asked this often whether it answers, ms…
const PROBE_EVERY_MS = 5_000
// …and is taken for down when it has not answered within this, ms.
const PROBE_TIMEOUT_MS = 3_000

/**
 * Whether the store answers, for /api/health: a balancer takes a process whose store is away out
 * of turn. The embedded file is always there; PostgreSQL is asked every few seconds.
 */
export class StoreProbe {
  private up = true
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly store: Store) {}

  start(): void {
    if (this.store.kind === 'sqlite' || this.timer) return
    this.timer = setInterval(() => void this.check(), PROBE_EVERY_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  get status(): 'up' | 'down' {
    return this.up ? 'up' : 'down'
  }

  /** Asks now; exposed for tests. */
  async check(): Promise<void> {
    let timeout: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        sql`SELECT 1`.execute(this.store.db),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error('no answer')), PROBE_TIMEOUT_MS)
        }),
      ])
      this.up = true
    } catch {
      this.up = false
    } finally {
      clearTimeout(timeout)
    }
  }
}
