import type { RecordingInfo } from '@/shared/cdr'

/** The recording a link names (`?rec=`), else the first talk recording, else the first. */
export function chooseRecording(
  list: readonly RecordingInfo[],
  wanted: string | null,
): RecordingInfo | null {
  return (
    list.find((r) => r.id === wanted) ??
    list.find((r) => String(r.recordType) === '2') ??
    list[0] ??
    null
  )
}

/** A link's `?t=` as seconds from the start, or null when it is not a plain number. */
export function startSecond(text: string | null): number | null {
  if (text === null || !/^\d+(\.\d+)?$/.test(text)) return null
  return Number(text)
}

/** What the detail page hands the player it does not know (the app lazy-loads it). */
export interface PlayerSlot {
  recording: RecordingInfo
  callId: string
  /** Seconds to start at (a shared link's `t`), or null. */
  startAt: number | null
}
