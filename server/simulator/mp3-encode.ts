import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { createMp3Encoder } from 'wasm-media-encoders'
import { SAMPLE_RATE_HZ } from './voice-tables'

const MP3_KBPS = 16 // CBR; plenty for 8 kHz speech, ~7 MB an hour
const CHUNK_FRAMES = 10 * SAMPLE_RATE_HZ // encode 10 s, then let the event loop breathe
const FULL_SCALE = 32_768

/**
 * A one-track MP3 of an interleaved two-track 16-bit recording: both sides mixed, as the
 * platform's isWav=0 download. LAME runs in WASM on this thread, so it encodes in chunks
 * and yields between them: an hour-long call takes a few seconds to encode, and the
 * simulator keeps playing the floor (and sending webhooks on time) meanwhile. Each call
 * gets its own encoder, so two encodes never share LAME's state.
 */
export async function encodeMp3(stereo: Int16Array): Promise<Buffer> {
  const encoder = await createMp3Encoder()
  encoder.configure({
    sampleRate: SAMPLE_RATE_HZ,
    channels: 1,
    bitrate: MP3_KBPS,
    outputSampleRate: SAMPLE_RATE_HZ,
  })
  const parts: Buffer[] = []
  const frames = stereo.length / 2
  const mono = new Float32Array(Math.min(CHUNK_FRAMES, frames))
  for (let start = 0; start < frames; start += CHUNK_FRAMES) {
    const n = Math.min(CHUNK_FRAMES, frames - start)
    for (let i = 0; i < n; i++) {
      const j = (start + i) * 2
      mono[i] = (stereo[j]! + stereo[j + 1]!) / (2 * FULL_SCALE)
    }
    // The encoder owns the returned bytes until its next call: copy them.
    parts.push(Buffer.from(encoder.encode([n === mono.length ? mono : mono.subarray(0, n)])))
    await yieldToEventLoop()
  }
  parts.push(Buffer.from(encoder.finalize()))
  return Buffer.concat(parts)
}
