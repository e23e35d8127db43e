const MAX_ENTRIES = 1_000 // the latest requests are what a test looks at

/** One CSTA or TPI login request as received, for tests (`GET /sim/csta-log`). */
export interface CstaLogEntry {
  /** Wall time, ISO 8601. */
  at: string
  method: string
  /** Path and query as sent, still URL-encoded (`…/connections/8001%40test.cc%7C…`). */
  url: string
  /** Whether a `sessionId` header came with it (its value is a secret). */
  sessionId: boolean
  /** The parsed body, with a login's password masked. */
  body: unknown
  status: number
}

/** The latest CSTA requests, oldest first. */
export class CstaLog {
  private entries: CstaLogEntry[] = []

  add(entry: CstaLogEntry): void {
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES * 2) this.entries = this.entries.slice(-MAX_ENTRIES)
  }

  latest(limit: number): CstaLogEntry[] {
    return this.entries.slice(-Math.min(limit, MAX_ENTRIES))
  }
}
