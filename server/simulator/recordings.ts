import { createHash } from 'node:crypto'
import { formatQueryTime } from '../../src/shared/platform-time'
import type { CallRecord } from './call-model'
import { hashString } from './random'

const REPO_ID = 'repo-default'
const NFS_PATH = 'nfs://172.16.43.21/recordings' // beside the seed's media server
const REPO_PATH = '/data/recordings'

/** The recording id of a call: a UUID derived from the callId, so it is stable across requests. */
export function recordingIdOf(callId: string): string {
  const h = createHash('sha1').update(`recording:${callId}`).digest('hex')
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Whether the platform recorded the call: it records talk, so only answered calls. */
export const hasRecording = (r: CallRecord): boolean => r.answerTime !== null && r.talkLength > 0

/** The extension that answered: the last station segment picked up (the agent's). */
function answeringDevice(r: CallRecord): string | null {
  return (
    r.segments.findLast((s) => s.type === 'Station' && s.answerTime !== null && s.agentId)
      ?.deviceId ?? r.deviceId
  )
}

/**
 * A call's recording as §4.2 lists it: one two-track talk recording per answered call,
 * from the answer to the end of the call. `recordType` is a string as the seed types it
 * (`"2"` talk), `recordLength` seconds to the millisecond, `audioInMos` a string.
 */
export function recordingJson(r: CallRecord, timeZone: string) {
  const id = recordingIdOf(r.callId)
  const start = r.answerTime ?? r.startTime
  const day = formatQueryTime(start, timeZone).slice(0, 10)
  // A MOS between 3.6 and 4.4: a decent line, different per call.
  const mos = 3.6 + (hashString(r.callId) % 81) / 100
  return {
    id,
    callId: r.callId,
    deviceId: answeringDevice(r),
    timeIn: `${day} 00:00:00`,
    startTime: formatQueryTime(start, timeZone),
    endTime: formatQueryTime(r.endTime, timeZone),
    recordChannel: 2,
    recordLength: r.talkLength,
    recordType: '2',
    recordFormat: 'WAV',
    filePath: `${REPO_PATH}/${r.namespace}/${day.replaceAll('-', '')}/${id}.wav`,
    repoId: REPO_ID,
    failReason: null,
    recordingRepoNfsPath: NFS_PATH,
    recordingRepoRecordingPath: REPO_PATH,
    audioInMos: mos.toFixed(2),
  }
}
