import { platformDay } from '@/shared/platform-time'
import { compactFile, type Db } from './database'

/** What a store's prune gives back: a count, or a count to come. */
type Count = number | Promise<number>

const DAY_MS = 24 * 60 * 60 * 1000

/** How long each kind of stored record is kept (the relay's settings). */
export interface RetentionSettings {
  /** EVENT_RETENTION_DAYS: agent events, by the time their state began. */
  eventDays: number
  /** CALL_RETENTION_DAYS: ended calls, by the platform-local day they ended. */
  callDays: number
  /** RECORDING_CACHE_DAYS: recordings listed and waveform peaks, since they were last used. */
  recordingCacheDays: number
  /** AUDIT_RETENTION_DAYS: the audit log, by when the action was taken. */
  auditDays: number
  /** SESSION_IDLE_MINUTES: sessions idle this long end (and expired ones at their expiry). */
  sessionIdleMs: number
  /** PLATFORM_TZ: whose calendar days the calls are filed under. */
  timeZone: string
}

/** The stores that keep records for a time, each able to forget what is older. */
export interface RetentionStores {
  /** The embedded file, for its upkeep; null on PostgreSQL (which keeps its own files). */
  sqlite: Db | null
  agentEvents: { prune(before: number): Count }
  calls: { prune(beforeDay: string): Count }
  recordings: { prune(before: number): Count }
  peaks: { prune(before: number): Promise<number> }
  sessions: { prune(now: number, idleBefore: number): Count }
  audit: { prune(before: number): Count }
}

/** What one prune removed. */
export interface Pruned {
  agentEvents: number
  calls: number
  recordings: number
  peaks: number
  sessions: number
  auditEntries: number
  /** Bytes the database file gave back to the file system. */
  releasedBytes: number
}

/**
 * Removes what is past its retention from every store, then keeps the embedded database file
 * from growing for good (checkpoint; free pages given back when there are many). Run at start
 * and every hour.
 */
export async function pruneExpired(
  stores: RetentionStores,
  settings: RetentionSettings,
  now: number,
): Promise<Pruned> {
  const ago = (days: number) => now - days * DAY_MS
  // Every store's records go before the file's upkeep below, so it gives back their pages too.
  const sessions = await stores.sessions.prune(now, now - settings.sessionIdleMs)
  const pruned = {
    agentEvents: await stores.agentEvents.prune(ago(settings.eventDays)),
    calls: await stores.calls.prune(platformDay(ago(settings.callDays), settings.timeZone)),
    recordings: await stores.recordings.prune(ago(settings.recordingCacheDays)),
    auditEntries: await stores.audit.prune(ago(settings.auditDays)),
  }
  const releasedBytes = stores.sqlite ? compactFile(stores.sqlite).releasedBytes : 0
  const peaks = await stores.peaks.prune(ago(settings.recordingCacheDays))
  return { ...pruned, sessions, peaks, releasedBytes }
}
