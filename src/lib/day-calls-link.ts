import { DEFAULT_PLATFORM_TZ, formatQueryTime, startOfPlatformDay } from '@/shared/platform-time'

// A platform day is 24 hours long (the platform's zone keeps no summer time); the range ends at
// its last second, as the call records' queries take it.
const DAY_LAST_SECOND_MS = 24 * 3600 * 1000 - 1000

/**
 * The call records page showing one number's calls of the platform day of `at` (epoch ms): the
 * calling number (`ani`) as the filter, the whole day as the range, oldest first.
 */
export function dayCallsUrl(
  number: string,
  at: number,
  timeZone: string = DEFAULT_PLATFORM_TZ,
): string {
  const start = startOfPlatformDay(at, timeZone)
  const params = new URLSearchParams()
  params.set('from', formatQueryTime(start, timeZone))
  params.set('to', formatQueryTime(start + DAY_LAST_SECOND_MS, timeZone))
  params.set('ani', number)
  params.set('order', 'oldest')
  return `/calls?${params.toString()}`
}
