import { describe, expect, it } from 'vitest'
import { MAX_PX_PER_SEC, audioUrl, momentPath, zoomIn, zoomOut } from './player-links'

describe('player links', () => {
  it('stream the WAV while there is one (the relay chooses), and download either format', () => {
    expect(audioUrl('a b')).toBe('/api/recordings/a%20b/audio')
    expect(audioUrl('r1', 'wav')).toBe('/api/recordings/r1/audio?format=wav')
    expect(audioUrl('r1', 'mp3', true)).toBe('/api/recordings/r1/audio?format=mp3&download=1')
  })

  it('point at this call, this recording, this whole second', () => {
    expect(momentPath('call/1', 'rec-1', 42.9)).toBe('/calls/call%2F1?rec=rec-1&t=42')
    expect(momentPath('c', 'r', -3)).toBe('/calls/c?rec=r&t=0')
  })
})

describe('zoom', () => {
  it('doubles from "fit" up to the most, and halves back to "fit"', () => {
    expect(zoomIn(0, 10)).toBe(20)
    expect(zoomIn(40, 10)).toBe(80)
    expect(zoomIn(700, 10)).toBe(MAX_PX_PER_SEC)
    expect(zoomOut(80, 10)).toBe(40)
    expect(zoomOut(20, 10)).toBe(0)
  })
})
