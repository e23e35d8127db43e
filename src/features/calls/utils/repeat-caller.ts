import { DEFAULT_PLATFORM_TZ, parsePlatformTime } from '@/shared/platform-time'

/** A record's repeat-caller mark, as the relay added it: the count, the calling number, the day. */
export interface RecordRepeat {
  count: number
  number: string | null
  /** When the call began, epoch ms (its day is the one the count is of). */
  at: number | null
}

/** The relay's `callerCallsToday` of a record, when it made its number a repeat caller. */
export function repeatOf(row: Record<string, unknown>): RecordRepeat | null {
  const count = row.callerCallsToday
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null
  const ani = row.ani
  return {
    count,
    number: typeof ani === 'string' && ani.trim() !== '' ? ani.trim() : null,
    at: parsePlatformTime(row.beginTime, DEFAULT_PLATFORM_TZ),
  }
}
