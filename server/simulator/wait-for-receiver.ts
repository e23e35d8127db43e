import { setTimeout as sleep } from 'node:timers/promises'

const PROBE_EVERY_MS = 250
const GIVE_UP_AFTER_MS = 60_000
const PROBE_TIMEOUT_MS = 2_000

/**
 * Waits until `url` answers at all, whatever the status: the relay may still be starting,
 * and the first logins would be lost on a refused connection. Resolves true once it
 * answers, false after `giveUpAfterMs` or when `signal` aborts. Wall time: this waits for
 * a real process.
 */
export async function waitForReceiver(
  url: string,
  signal: AbortSignal,
  giveUpAfterMs = GIVE_UP_AFTER_MS,
): Promise<boolean> {
  const deadline = Date.now() + giveUpAfterMs
  while (!signal.aborted) {
    try {
      const res = await fetch(url, {
        method: 'GET',
        signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
      })
      await res.arrayBuffer()
      return true
    } catch {
      // Refused or timed out: not up yet.
    }
    if (Date.now() + PROBE_EVERY_MS > deadline) return false
    try {
      await sleep(PROBE_EVERY_MS, undefined, { signal })
    } catch {
      return false // aborted
    }
  }
  return false
}
