import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { gzipSync } from 'node:zlib'
import type { RecordingPeaks } from '@/shared/cdr'
import { type FailureAnswer, failureAnswer } from '../platform/platform-messages'
import type { PlatformClient } from '../platform/platform.client'
import { PATHS } from '../call-records/records.service'
import { AudioFormatError, mp3Peaks, WavPeaks } from './peaks'
import { badAudioMessage } from '../call-records/records-messages'

// An MP3 larger than this is not decoded for peaks (a day-long recording would be ~170 MB).
const MP3_MAX_BYTES = 200 * 1024 * 1024

export type PeaksResult = { ok: true; gzip: Buffer } | { ok: false; answer: FailureAnswer }

/**
 * Waveform peaks of recordings: computed once per recording on the relay (from the two-track
 * WAV when the platform still has it, else from the MP3), kept gzipped under DATA_DIR, and
 * served small. Callers asking for the same recording at once share one computation.
 * A file's modification time is when it was last served: `prune` removes those unused for a
 * while (they are computed again if anyone opens the call).
 */
export class PeaksStore {
  private readonly pending = new Map<string, Promise<PeaksResult>>()

  constructor(
    private readonly dir: string,
    private readonly platform: PlatformClient,
  ) {
    fs.mkdirSync(dir, { recursive: true })
  }

  get(namespace: string, recordingId: string): Promise<PeaksResult> {
    const file = path.join(
      this.dir,
      `${createHash('sha256').update(`${namespace}\u0000${recordingId}`).digest('hex').slice(0, 40)}.json.gz`,
    )
    const cached = readIfExists(file)
    if (cached) {
      touch(file)
      return Promise.resolve({ ok: true, gzip: cached })
    }
    let p = this.pending.get(file)
    if (!p) {
      p = this.compute(recordingId, file).finally(() => this.pending.delete(file))
      this.pending.set(file, p)
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

  private async compute(recordingId: string, file: string): Promise<PeaksResult> {
    const peaks = await this.fromWav(recordingId)
    const result =
      peaks.ok || peaks.answer.platformCode !== 14013 ? peaks : await this.fromMp3(recordingId)
    if (!result.ok) return result
    const gzip = gzipSync(JSON.stringify(result.peaks))
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, gzip)
    fs.renameSync(tmp, file)
    return { ok: true, gzip }
  }

  private async fromWav(
    id: string,
  ): Promise<{ ok: true; peaks: RecordingPeaks } | { ok: false; answer: FailureAnswer }> {
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
      return { ok: true, peaks: peaks.finish() }
    } catch (err) {
      return { ok: false, answer: audioProblem(err) }
    }
  }

  private async fromMp3(
    id: string,
  ): Promise<{ ok: true; peaks: RecordingPeaks } | { ok: false; answer: FailureAnswer }> {
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
      return { ok: true, peaks: await mp3Peaks(new Uint8Array(await res.response.arrayBuffer())) }
    } catch (err) {
      return { ok: false, answer: audioProblem(err) }
    }
  }
}

function readIfExists(file: string): Buffer | null {
  try {
    return fs.readFileSync(file)
  } catch {
    return null
  }
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
