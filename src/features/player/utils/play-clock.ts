/** The player's clock in whole seconds, as it reads next to the call's own figures. */
export interface PlayClock {
  elapsed: number
  total: number
}

/**
 * Whole seconds for "elapsed / total". The total is the platform's length of the recording
 * when it gives one, rounded as the call page rounds it (`formatSeconds`), so both read the
 * same: the decoded audio is a fraction of a second off (an MP3 carries padding), and cutting
 * its fraction showed 00:59 for a 59.6 s call the page called 01:00. The elapsed time counts
 * whole seconds played, never past the total, and reads the total at the end.
 *
 * @param time seconds played
 * @param duration seconds of decoded audio
 * @param platformSeconds the platform's `recordLength`, or null when it gives none
 */
export function playClock(
  time: number,
  duration: number,
  platformSeconds: number | null | undefined,
): PlayClock {
  const length =
    typeof platformSeconds === 'number' && Number.isFinite(platformSeconds) && platformSeconds > 0
      ? platformSeconds
      : duration
  const total = Math.max(0, Math.round(length))
  const played = Number.isFinite(time) && time > 0 ? time : 0
  const elapsed = played >= duration ? total : Math.min(Math.floor(played), total)
  return { elapsed, total }
}
