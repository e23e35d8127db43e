import { MPEGDecoder } from 'mpg123-decoder'
import type { RecordingPeaks } from '@/shared/cdr'
import type { SpeechSummary } from '@/shared/recording-analysis'
import { SpeechActivity } from './speech-activity'

// A waveform needs no more than this many values per lane to be drawn sharp at any zoom the
// player offers; a one-hour call gets 8 a second, a short one up to MAX_PEAKS_PER_SECOND.
const MAX_PEAKS_PER_LANE = 30_000
const MAX_PEAKS_PER_SECOND = 100
/** Peak values are integers 0..PEAK_SCALE (percent of full scale): small to send. */
export const PEAK_SCALE = 100

export class AudioFormatError extends Error {}

function peaksPerSecondFor(durationSec: number): number {
  if (!(durationSec > 0)) return MAX_PEAKS_PER_SECOND
  return Math.max(1, Math.min(MAX_PEAKS_PER_SECOND, Math.floor(MAX_PEAKS_PER_LANE / durationSec)))
}

/**
 * Peaks of a PCM WAV, computed as the bytes stream in: nothing but the current bucket is kept,
 * so a one-hour two-track recording never sits in memory. One lane per channel. The same pass
 * reads each channel's speech in 20 ms frames (`speech`): the peaks of a long call are far too
 * coarse for that.
 */
export class WavPeaks {
  private header = Buffer.alloc(0)
  private channels = 0
  private sampleRate = 0
  private bytesPerSample = 0
  private dataBytes = 0
  private started = false
  private samplesPerPeak = 1
  private peaksPerSecond = MAX_PEAKS_PER_SECOND
  private lanes: number[][] = []
  private current: number[] = []
  private inBucket = 0
  private frames = 0
  /** Bytes of a sample frame split across two chunks. */
  private carry = Buffer.alloc(0)
  private remaining = Infinity
  private activity: SpeechActivity | null = null
  private inFrame = 0

  feed(chunk: Buffer): void {
    if (!this.started) {
      this.header = Buffer.concat([this.header, chunk])
      const dataAt = this.parseHeader()
      if (dataAt === null) {
        if (this.header.length > 1024 * 1024)
          throw new AudioFormatError('no audio data in the first megabyte')
        return
      }
      chunk = this.header.subarray(dataAt)
      this.header = Buffer.alloc(0)
      this.started = true
    }
    this.samples(chunk)
  }

  finish(): RecordingPeaks {
    if (!this.started) throw new AudioFormatError('not a WAV recording (no fmt and data chunks)')
    if (this.inBucket > 0) this.flushBucket(this.bytesPerSample === 2 ? 32768 : 128)
    if (this.inFrame > 0) this.activity!.endFrame(this.inFrame)
    this.inFrame = 0
    return {
      duration: this.frames / this.sampleRate,
      sampleRate: this.sampleRate,
      peaksPerSecond: this.peaksPerSecond,
      scale: PEAK_SCALE,
      channels: this.lanes,
      source: 'wav',
    }
  }

  /** Silences, cross-talk and talk time of the recording; after `finish`. */
  speech(): SpeechSummary {
    if (!this.activity) throw new AudioFormatError('not a WAV recording (no fmt and data chunks)')
    return this.activity.summary(this.frames / this.sampleRate, 'wav')
  }

  /** Offset of the first sample once `fmt ` and `data` have been read, else null. */
  private parseHeader(): number | null {
    const h = this.header
    if (h.length < 12) return null
    if (h.toString('ascii', 0, 4) !== 'RIFF' || h.toString('ascii', 8, 12) !== 'WAVE') {
      throw new AudioFormatError('not a WAV recording')
    }
    let at = 12
    while (at + 8 <= h.length) {
      const id = h.toString('ascii', at, at + 4)
      const size = h.readUInt32LE(at + 4)
      if (id === 'fmt ') {
        if (at + 8 + 16 > h.length) return null
        const format = h.readUInt16LE(at + 8)
        this.channels = h.readUInt16LE(at + 10)
        this.sampleRate = h.readUInt32LE(at + 12)
        const bits = h.readUInt16LE(at + 22)
        if (
          format !== 1 ||
          (bits !== 16 && bits !== 8) ||
          this.channels < 1 ||
          this.sampleRate < 1
        ) {
          throw new AudioFormatError(`unsupported WAV (format ${format}, ${bits} bits)`)
        }
        this.bytesPerSample = bits / 8
      } else if (id === 'data') {
        if (!this.channels) throw new AudioFormatError('WAV data before its fmt chunk')
        // A streamed WAV may say 0 or 0xFFFFFFFF: then the stream's end is the data's end.
        this.dataBytes = size > 0 && size < 0xffffffff ? size : 0
        this.remaining = this.dataBytes || Infinity
        const duration = this.dataBytes / (this.channels * this.bytesPerSample * this.sampleRate)
        this.peaksPerSecond = peaksPerSecondFor(duration)
        this.samplesPerPeak = Math.max(1, Math.round(this.sampleRate / this.peaksPerSecond))
        this.lanes = Array.from({ length: this.channels }, () => [])
        this.current = new Array<number>(this.channels).fill(0)
        this.activity = new SpeechActivity(
          this.channels,
          this.sampleRate,
          this.bytesPerSample === 2 ? 32768 : 128,
        )
        return at + 8
      }
      at += 8 + size + (size % 2)
    }
    return null
  }

  private samples(chunk: Buffer): void {
    if (this.remaining !== Infinity) {
      chunk = chunk.subarray(0, Math.min(chunk.length, this.remaining))
      this.remaining -= chunk.length
    }
    const frameBytes = this.channels * this.bytesPerSample
    let buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk
    const whole = buf.length - (buf.length % frameBytes)
    this.carry = Buffer.from(buf.subarray(whole))
    buf = buf.subarray(0, whole)
    if (this.bytesPerSample === 2) {
      // A typed view reads samples an order of magnitude faster than Buffer.readInt16LE.
      const aligned = buf.byteOffset % 2 === 0 ? buf : Buffer.from(buf)
      this.pcm16(new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2))
    } else {
      this.pcm8(buf)
    }
  }

  // The two loops below are the hot path of a one-hour recording (57 million samples): kept
  // flat, without a call per sample.
  private pcm16(pcm: Int16Array): void {
    const ch = this.channels
    const frames = pcm.length / ch
    const current = this.current
    const activity = this.activity!
    const energy = activity.energy
    const perFrame = activity.samplesPerFrame
    let inBucket = this.inBucket
    let inFrame = this.inFrame
    for (let f = 0; f < frames; f++) {
      const base = f * ch
      for (let c = 0; c < ch; c++) {
        const v = pcm[base + c]!
        const a = v < 0 ? -v : v
        if (a > current[c]!) current[c] = a
        energy[c]! += v * v
      }
      if (++inBucket === this.samplesPerPeak) {
        this.inBucket = inBucket
        this.flushBucket(32768)
        inBucket = 0
      }
      if (++inFrame === perFrame) {
        activity.endFrame()
        inFrame = 0
      }
    }
    this.inBucket = inBucket
    this.inFrame = inFrame
    this.frames += frames
  }

  private pcm8(buf: Buffer): void {
    const ch = this.channels
    const frames = buf.length / ch
    const activity = this.activity!
    for (let f = 0; f < frames; f++) {
      for (let c = 0; c < ch; c++) {
        const v = buf[f * ch + c]! - 128
        const a = v < 0 ? -v : v
        if (a > this.current[c]!) this.current[c] = a
        activity.energy[c]! += v * v
      }
      if (++this.inBucket === this.samplesPerPeak) this.flushBucket(128)
      if (++this.inFrame === activity.samplesPerFrame) {
        activity.endFrame()
        this.inFrame = 0
      }
    }
    this.frames += frames
  }

  /** Closes the current bucket; `fullScale` is the sample value of a full-scale peak. */
  private flushBucket(fullScale: number): void {
    for (let c = 0; c < this.channels; c++) {
      this.lanes[c]!.push(Math.round(Math.min(1, this.current[c]! / fullScale) * PEAK_SCALE))
      this.current[c] = 0
    }
    this.inBucket = 0
  }
}

/**
 * Peaks of an MP3 recording, decoded with mpg123, as one lane: the MP3 is the platform's
 * one-track recording (§4.1 `isWav=0`), so should it come with two channels they are drawn as
 * one, the louder of the two at each moment.
 */
export async function mp3Peaks(
  data: Uint8Array,
): Promise<{ peaks: RecordingPeaks; speech: SpeechSummary }> {
  const decoder = new MPEGDecoder()
  await decoder.ready
  try {
    const { channelData, samplesDecoded, sampleRate } = decoder.decode(data)
    if (samplesDecoded === 0 || channelData.length === 0)
      throw new AudioFormatError('no audio could be decoded from the MP3')
    const duration = samplesDecoded / sampleRate
    const peaksPerSecond = peaksPerSecondFor(duration)
    const per = Math.max(1, Math.round(sampleRate / peaksPerSecond))
    const lane: number[] = []
    for (let start = 0; start < samplesDecoded; start += per) {
      let max = 0
      const end = Math.min(samplesDecoded, start + per)
      for (const samples of channelData) {
        for (let i = start; i < end; i++) {
          const v = Math.abs(samples[i]!)
          if (v > max) max = v
        }
      }
      lane.push(Math.round(Math.min(1, max) * PEAK_SCALE))
    }
    return {
      peaks: {
        duration,
        sampleRate,
        peaksPerSecond,
        scale: PEAK_SCALE,
        channels: [lane],
        source: 'mp3',
      },
      speech: mp3Speech(channelData, samplesDecoded, sampleRate, duration),
    }
  } finally {
    decoder.free()
  }
}

/** Silences of a decoded one-track recording: its channels mixed, as one side. */
function mp3Speech(
  channelData: Float32Array[],
  samples: number,
  sampleRate: number,
  duration: number,
): SpeechSummary {
  const activity = new SpeechActivity(1, sampleRate, 1)
  const per = activity.samplesPerFrame
  const mix = 1 / channelData.length
  for (let start = 0; start < samples; start += per) {
    const end = Math.min(samples, start + per)
    let sum = 0
    for (let i = start; i < end; i++) {
      let v = 0
      for (const ch of channelData) v += ch[i]!
      v *= mix
      sum += v * v
    }
    activity.energy[0] = sum
    activity.endFrame(end - start)
  }
  return activity.summary(duration, 'mp3')
}
