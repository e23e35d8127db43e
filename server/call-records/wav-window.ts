// A recording found past the WAV window is remembered this long, for this many recordings at
// most, so seeking in it (a Range request each) does not ask the platform for the WAV each time.
const MISSING_TTL_MS = 10 * 60 * 1000
const MISSING_KEPT = 1000

/**
 * Recordings whose two-track WAV the platform no longer keeps (§4.3: WAV only for the last
 * X days; the stream answers 14013), by the platform path of their stream. The WAV never
 * comes back, so forgetting one only costs a request.
 */
export class WavWindow {
  private readonly missing = new Map<string, number>()

  constructor(private readonly now: () => number) {}

  /** Whether `streamPath` is known to have no WAV. */
  knownMissing(streamPath: string): boolean {
    const at = this.missing.get(streamPath)
    if (at === undefined) return false
    if (this.now() - at <= MISSING_TTL_MS) return true
    this.missing.delete(streamPath)
    return false
  }

  rememberMissing(streamPath: string): void {
    this.missing.delete(streamPath)
    this.missing.set(streamPath, this.now())
    if (this.missing.size > MISSING_KEPT) this.missing.delete(this.missing.keys().next().value!)
  }
}
