import { describe, expect, it } from 'vitest'
import { AudioCache } from './audio-cache'
import { conversationWav, wavFrames, wavSamples } from './conversation-audio'
import { parseRange } from './http-range'

const WINDOW = 800 // 100 ms at 8 kHz
const SPEAKING_RMS = 1_000 // a 100 ms window this loud has speech in it (the hiss is ~130)

/** Per 100 ms window, whether each channel has speech in it. */
function activity(wav: Buffer): Array<[boolean, boolean]> {
  const pcm = wavSamples(wav)
  const out: Array<[boolean, boolean]> = []
  for (let w = 0; (w + 1) * WINDOW <= wavFrames(wav); w++) {
    let l = 0
    let r = 0
    for (let i = w * WINDOW; i < (w + 1) * WINDOW; i++) {
      l += pcm[2 * i]! ** 2
      r += pcm[2 * i + 1]! ** 2
    }
    out.push([Math.sqrt(l / WINDOW) > SPEAKING_RMS, Math.sqrt(r / WINDOW) > SPEAKING_RMS])
  }
  return out
}

describe('conversationWav', () => {
  it('is exactly the talk time long and the same for the same callId', () => {
    const a = conversationWav('call-a', 12.345)
    expect(wavFrames(a)).toBe(98_760)
    expect(conversationWav('call-a', 12.345).equals(a)).toBe(true)
    expect(conversationWav('call-b', 12.345).equals(a)).toBe(false)
    expect(wavFrames(conversationWav('call-c', 0))).toBe(0)
  })

  it('sounds like a conversation: turns on separate tracks, pauses, a little cross-talk', () => {
    const windows = activity(conversationWav('6aee1dda-d4a2-4d3c-8fab-df7782a6c10f', 300))
    const share = (f: (w: [boolean, boolean]) => boolean) =>
      windows.filter(f).length / windows.length
    const agent = share(([l]) => l)
    const customer = share(([, r]) => r)
    const both = share(([l, r]) => l && r)
    const silence = share(([l, r]) => !l && !r)
    expect(agent).toBeGreaterThan(0.2)
    expect(customer).toBeGreaterThan(0.2)
    expect(agent + customer).toBeLessThan(0.95)
    expect(both).toBeGreaterThan(0) // cross-talk happens…
    expect(both).toBeLessThan(0.1) // …but people mostly take turns
    expect(silence).toBeGreaterThan(0.1)
    // Turns: the speaker changes many times, not once.
    let changes = 0
    let last = -1
    for (const [l, r] of windows) {
      const who = l && !r ? 0 : r && !l ? 1 : -1
      if (who >= 0 && who !== last) {
        if (last >= 0) changes++
        last = who
      }
    }
    expect(changes).toBeGreaterThan(30)
  })

  it('has long holds and interruptions: both quiet over 5 s, both talking over 1 s', () => {
    for (const callId of ['call-1', 'call-2', 'call-3', 'call-4', 'call-5', 'call-6']) {
      const windows = activity(conversationWav(callId, 90))
      // A speaker's breath between phrases (under half a second) is still their turn.
      const talking = (side: 0 | 1) => {
        let quietFor = Infinity
        return windows.map((w) => {
          quietFor = w[side] ? 0 : quietFor + 1
          return quietFor < 5
        })
      }
      const agent = talking(0)
      const customer = talking(1)
      const longest = (f: (i: number) => boolean) => {
        let run = 0
        let best = 0
        for (let i = 0; i < windows.length; i++) best = Math.max(best, (run = f(i) ? run + 1 : 0))
        return best / 10 // s
      }
      const silence = longest((i) => !windows[i]![0] && !windows[i]![1])
      // The half-second allowance above lengthens each side's turn: more than 1.5 s both.
      const clash = longest((i) => agent[i]! && customer[i]!)
      expect(silence, `${callId}: longest silence`).toBeGreaterThan(5)
      expect(clash, `${callId}: longest cross-talk`).toBeGreaterThan(1.5)
      // Same bytes for the same call: the same holds and interruptions every time.
      expect(conversationWav(callId, 90).equals(conversationWav(callId, 90))).toBe(true)
    }
  })

  // How fast: the player benchmark's cold figure includes the simulator making this hour.
  it('makes an hour of two-track audio', () => {
    const wav = conversationWav('an-hour-long-call', 3_600)
    expect(wav.length).toBe(44 + 3_600 * 8_000 * 4)
  })
})

describe('parseRange', () => {
  it.each([
    [undefined, null],
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-5', { start: 95, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
    ['bytes=50-500', { start: 50, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=9-3', null],
    ['bytes=0-1,5-9', null],
    ['items=0-9', null],
  ] as const)('%s of 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected)
  })
})

describe('AudioCache', () => {
  it('makes a file once for concurrent requests and drops the least recently used', async () => {
    const cache = new AudioCache(250)
    let made = 0
    const make = (n: number) => () => {
      made++
      return Promise.resolve(Buffer.alloc(n))
    }
    const [a1, a2] = await Promise.all([cache.get('a', make(100)), cache.get('a', make(100))])
    expect(a1).toBe(a2)
    expect(made).toBe(1)
    await cache.get('b', make(100))
    await cache.get('a', make(100)) // a is now the most recently used
    await cache.get('c', make(100)) // over budget: b goes
    expect(cache.size).toEqual({ files: 2, bytes: 200 })
    made = 0
    await cache.get('a', make(100))
    expect(made).toBe(0)
    await cache.get('b', make(100))
    expect(made).toBe(1)
    await cache.get('huge', make(1_000)) // served, not kept
    expect(cache.size.bytes).toBeLessThanOrEqual(250)
  })
})
