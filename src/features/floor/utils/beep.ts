/** A short two-tone chime from the Web Audio API: no sound file to ship or load. */
let context: AudioContext | null = null

const VOLUME = 0.25 // of full scale: audible across a desk, not startling
const TONES_HZ = [880, 660] as const
const TONE_S = 0.16 // each tone, seconds

function audioContext(): AudioContext | null {
  if (context) return context
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!Ctor) return null
  context = new Ctor()
  return context
}

/**
 * Lets the page make sound later: browsers allow audio only after a user gesture, so call
 * this from the click that switches the sound on.
 */
export function unlockAudio(): void {
  const ctx = audioContext()
  if (ctx?.state === 'suspended') void ctx.resume()
}

export function beep(): void {
  const ctx = audioContext()
  if (!ctx) return
  if (ctx.state === 'suspended') void ctx.resume()
  const start = ctx.currentTime + 0.01
  const gain = ctx.createGain()
  gain.connect(ctx.destination)
  gain.gain.setValueAtTime(0.0001, start)
  TONES_HZ.forEach((hz, i) => {
    const at = start + i * TONE_S
    const osc = ctx.createOscillator()
    osc.type = 'sine'
    osc.frequency.setValueAtTime(hz, at)
    gain.gain.exponentialRampToValueAtTime(VOLUME, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + TONE_S - 0.01)
    osc.connect(gain)
    osc.start(at)
    osc.stop(at + TONE_S)
    osc.onended = () => {
      osc.disconnect()
      if (i === TONES_HZ.length - 1) gain.disconnect()
    }
  })
}
