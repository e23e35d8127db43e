import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { RecordingPeaks } from '@/shared/cdr'
import type { SpeechSummary } from '@/shared/recording-analysis'
import { type FailureAnswer, failureAnswer } from '../platform/platform-messages'
import type { PlatformClient } from '../platform/platform.client'
import { PATHS } from '../call-records/records.service'
import { AudioFormatError, mp3Peaks, WavPeaks } from './peaks'
import { badAudioMessage } from '../call-records/records-messages'

// An MP3 larger than this is not decoded for peaks (a day-long recording would be ~170 MB).
const MP3_MAX_BYTES = 200 * 1024 * 1024

export type PeaksResult = { ok: true; gzip: Buffer } | { ok: false; answer: FailureAnswer }
export type SpeechResult =
  { ok: true; speech: SpeechSummary } | { ok: false; answer: FailureAnswer }

type Computed =
  { ok: true; gzip: Buffer; speech: SpeechSummary } | { ok: false; answer: FailureAnswer }
type Read =
  { ok: true; peaks: RecordingPeaks; speech: SpeechSummary } | { ok: false; answer: FailureAnswer }

/**
 * Waveform peaks of recordings: computed once per recording on the relay (from the two-track
 * WAV when the platform still has it, else from the MP3), kept gzipped under DATA_DIR, and
 * served small. Callers asking for the same recording at once share one computation.
 * A file's modification time is when it was last served: `prune` removes those unused for a
 * while (they are computed again if anyone opens the call).
 *
 * The same pass over the audio reads where each side speaks (`speech`), kept beside the peaks
 * in a file of its own: every quiet stretch of a second or more, so a tenant's changed
 * long-silence setting is answered from the file, never by fetching the audio again (the
 * platform may by then keep only the MP3, which has no sides).
 */
export class PeaksStore {
  private readonly pending = new Map<string, Promise<Computed>>()

  constructor(
    private readonly dir: string,
    private readonly platform: PlatformClient,
  ) {
    fs.mkdirSync(dir, { recursive: true })
  }

  async get(namespace: string, recordingId: string): Promise<PeaksResult> {
    const base = this.baseOf(namespace, recordingId)
    const cached = readIfExists(`${base}.json.gz`)
    if (cached) {
      touchBoth(base)
      return { ok: true, gzip: cached }
    }
    const res = await this.computeOnce(recordingId, base)
    return res.ok ? { ok: true, gzip: res.gzip } : res
  }

  /** Where each side of the recording speaks; read with its peaks when they are computed. */
  async speech(namespace: string, recordingId: string): Promise<SpeechResult> {
    const base = this.baseOf(namespace, recordingId)
    const cached = readIfExists(`${base}.speech.json.gz`)
    if (cached) {
      try {
        const speech = JSON.parse(gunzipSync(cached).toString('utf8')) as SpeechSummary
        if (speech.version === 1) {
          touchBoth(base)
          return { ok: true, speech }
        }
      } catch {
        // A damaged file: computed again below.
      }
    }
    // Peaks kept from before the analysis existed are computed again with it.
    const res = await this.computeOnce(recordingId, base)
    return res.ok ? { ok: true, speech: res.speech } : res
  }

  private baseOf(namespace: string, recordingId: string): string {
    const hash = createHash('sha256').update(`${namespace}\u0000${recordingId}`).digest('hex')
    return path.join(this.dir, hash.slice(0, 40))
  }

  private computeOnce(recordingId: string, base: string): Promise<Computed> {
    let p = this.pending.get(base)
    if (!p) {
      p = this.compute(recordingId, base).finally(() => this.pending.delete(base))
      this.pending.set(base, p)
    }
    return p
  }

  /** Deletes peaks last served before `before` (epoch ms); resolves to how many. */
  async prune(before: number): Promise<number> {
    let removed = 0
    for (const name of await fs.promises.readdir(this.dir)) {
      // Only the cache's own files (a crashed write may have left a .tmp).
      if (!name.endsWith('.json.gz') && !name.endsWith('.tmp')) continue
      const file = path.join(this.dir, name)
      try {
        if ((await fs.promises.stat(file)).mtimeMs >= before) continue
        await fs.promises.unlink(file)
        removed += 1
      } catch {
        // Removed meanwhile, or being written: the next prune looks again.
      }
    }
    return removed
  }

  private async compute(recordingId: string, base: string): Promise<Computed> {
    const peaks = await this.fromWav(recordingId)
    const result =
      peaks.ok || peaks.answer.platformCode !== 14013 ? peaks : await this.fromMp3(recordingId)
    if (!result.ok) return result
    const gzip = gzipSync(JSON.stringify(result.peaks))
    // The speech file first: peaks on disk without it are read again when it is asked for.
    writeAtomically(`${base}.speech.json.gz`, gzipSync(JSON.stringify(result.speech)))
    writeAtomically(`${base}.json.gz`, gzip)
    return { ok: true, gzip, speech: result.speech }
  }

  private async fromWav(id: string): Promise<Read> {
    const res = await this.platform.getStream(
      PATHS.recordingStream(id),
      { isDownload: 0, isWav: 1 },
      undefined,
    )
    if (!res.ok) return { ok: false, answer: failureAnswer(res) }
    const peaks = new WavPeaks()
    try {
      for await (const chunk of Readable.fromWeb(res.response.body! as WebReadableStream)) {
        peaks.feed(chunk as Buffer)
      }
      return { ok: true, peaks: peaks.finish(), speech: peaks.speech() }
    } catch (err) {
      return { ok: false, answer: audioProblem(err) }
    }
  }

  private async fromMp3(id: string): Promise<Read> {
    const res = await this.platform.getStream(
      PATHS.recordingStream(id),
      { isDownload: 0, isWav: 0 },
      undefined,
    )
    if (!res.ok) return { ok: false, answer: failureAnswer(res) }
    const length = Number(res.response.headers.get('content-length') ?? 0)
    if (length > MP3_MAX_BYTES)
      return {
        ok: false,
        answer: audioProblem(new AudioFormatError('the recording is too long to draw')),
      }
    try {
      const read = await mp3Peaks(new Uint8Array(await res.response.arrayBuffer()))
      return { ok: true, ...read }
    } catch (err) {
      return { ok: false, answer: audioProblem(err) }
    }
  }
}

function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, data)
  fs.renameSync(tmp, file)
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file)
  } catch {
    return null
  }
}

/** Marks a recording's peaks and speech as used now: one is not pruned before the other. */
function touchBoth(base: string): void {
  touch(`${base}.json.gz`)
  touch(`${base}.speech.json.gz`)
}

/** Marks a cached file as used now; a failure only makes it look older to `prune`. */
function touch(file: string): void {
  const now = new Date()
  try {
    fs.utimesSync(file, now, now)
  } catch {
    // Read-only data directory or the file just pruned: nothing to keep track of.
  }
}

function audioProblem(err: unknown): FailureAnswer {
  const detail = err instanceof Error ? err.message : String(err)
  const messages = badAudioMessage(detail)
  return { status: 502, error: 'bad_audio', message: messages.en, messages }
}
