import type { RosterUpload } from '@/shared/outbound'
import { DEFAULT_PLATFORM_TZ, formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'

/**
 * The call records' robot-calls tab showing a batch's results: from the day it was uploaded to
 * now, the batch's id as filter, and its campaign (the robot-calls query needs one) when known.
 */
export function batchCallsUrl(
  upload: Pick<RosterUpload, 'batchId' | 'templateId' | 'uploadedAt'>,
  now: number,
  timeZone: string = DEFAULT_PLATFORM_TZ,
): string {
  const params = new URLSearchParams({ tab: 'robot' })
  params.set('from', formatQueryTime(startOfPlatformDay(upload.uploadedAt, timeZone), timeZone))
  params.set('to', formatQueryTime(Math.max(now, upload.uploadedAt), timeZone))
  params.set('batchId', upload.batchId)
  if (upload.templateId) params.set('campaignId', upload.templateId)
  return `/calls?${params.toString()}`
}
