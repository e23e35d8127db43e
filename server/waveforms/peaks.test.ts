import { describe, expect, it } from 'vitest'
import { AudioFormatError, WavPeaks } from './peaks'

/** A 16-bit PCM WAV whose channel c carries `sample(frame, c)`. */
function wav(
  frames: number,
  channels: number,
  rate: number,
  sample: (f: number, c: number) => number,
): Buffer {
  const data = Buffer.alloc(frames * channels * 2)
  for (let f = 0; f < frames; f++)
    for (let c = 0; c < channels; c++) data.writeInt16LE(sample(f, c), (f * channels + c) * 2)
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + data.length, 4)
  h.write('WAVEfmt ', 8, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(channels, 22)
  h.writeUInt32LE(rate, 24)
  h.writeUInt32LE(rate * channels * 2, 28)
  h.writeUInt16LE(channels * 2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(data.length, 40)
  return Buffer.concat([h, data])
}

describe('waveform peaks of a WAV', () => {
  it('gives one lane per channel with the loudest sample of each slice, however the bytes are chunked', () => {
    // 2 s at 8 kHz: the left channel loud in the first second, the right in the second.
    const file = wav(16_000, 2, 8000, (f, c) =>
      (c === 0) === f < 8000 ? (f % 2 ? -32767 : 16000) : 100,
    )
    const peaks = new WavPeaks()
    for (let at = 0; at < file.length; at += 777) peaks.feed(file.subarray(at, at + 777)) // odd chunks split frames
    const p = peaks.finish()
    expect(p).toMatchObject({
      duration: 2,
      sampleRate: 8000,
      peaksPerSecond: 100,
      scale: 100,
      source: 'wav',
    })
    expect(p.channels).toHaveLength(2)
    expect(p.channels[0]).toHaveLength(200)
    expect(p.channels[0]!.slice(0, 100).every((v) => v === 100)).toBe(true)
    expect(p.channels[0]!.slice(100).every((v) => v === 0)).toBe(true)
    expect(p.channels[1]!.slice(100).every((v) => v === 100)).toBe(true)
  })

  it('keeps a long recording small: a one-hour call gets a few values a second', () => {
    const hour = Buffer.alloc(44)
    wav(0, 2, 8000, () => 0).copy(hour)
    hour.writeUInt32LE(3600 * 8000 * 4, 40) // claims an hour of stereo audio
    const peaks = new WavPeaks()
    peaks.feed(hour)
    peaks.feed(Buffer.alloc(8000 * 4 * 10)) // ten seconds of it
    expect(peaks.finish().peaksPerSecond).toBe(8)
  })

  it('refuses what is not a PCM WAV', () => {
    const peaks = new WavPeaks()
    expect(() => peaks.feed(Buffer.from('ID3 this is an mp3 header......'))).toThrow(
      AudioFormatError,
    )
  })
})
