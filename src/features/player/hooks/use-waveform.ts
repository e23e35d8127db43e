import { type RefObject, useEffect, useRef, useState } from 'react'
import WaveSurfer from 'wavesurfer.js'

/** Colours of one lane: the waveform, and what has been played. */
export interface LaneColors {
  wave: string
  progress: string
}

interface WaveformOptions {
  container: RefObject<HTMLDivElement | null>
  audio: RefObject<HTMLAudioElement | null>
  /** One lane per channel, 0..1. */
  peaks: Float32Array[]
  /** Seconds. */
  duration: number
  lanes: readonly LaneColors[]
  cursor: string
  /** Px per lane. */
  laneHeight: number
  /** Seconds to start at, or null. */
  startAt: number | null
  onError: (error: Error) => void
}

export interface Waveform {
  ws: WaveSurfer | null
  /** Drawn and ready to play. */
  ready: boolean
  playing: boolean
  /** Seconds, to a quarter second. */
  time: number
}

const TIME_STEP = 4 // updates per second of playback the page re-renders for

/**
 * Draws precomputed peaks with wavesurfer.js over the page's own `<audio>` element: the
 * element streams the recording (HTTP Range), nothing is downloaded whole or decoded here.
 * Each channel is its own lane.
 */
export function useWaveform(options: WaveformOptions): Waveform {
  const { container, audio, peaks, duration, lanes, cursor, laneHeight, startAt } = options
  const [ws, setWs] = useState<WaveSurfer | null>(null)
  const [ready, setReady] = useState(false)
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(startAt ?? 0)
  const onError = useRef(options.onError)
  useEffect(() => {
    onError.current = options.onError
  })
  // Colours and start are read when the waveform is made; later changes go through setOptions.
  const initial = useRef({ lanes, cursor, startAt })

  useEffect(() => {
    const element = container.current
    const media = audio.current
    if (!element || !media) return
    // One scale for every lane, so a quiet customer stays quiet beside a loud agent.
    const maxPeak = Math.max(
      1e-3,
      ...peaks.map((lane) => lane.reduce((m, v) => (v > m ? v : m), 0)),
    )
    const wave = WaveSurfer.create({
      container: element,
      media,
      peaks,
      duration,
      height: laneHeight,
      splitChannels: initial.current.lanes.map((c) => ({
        waveColor: c.wave,
        progressColor: c.progress,
      })),
      normalize: true,
      maxPeak,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      cursorColor: initial.current.cursor,
      cursorWidth: 2,
      dragToSeek: true,
      autoScroll: true,
      autoCenter: true,
    })
    const subscriptions = [
      wave.on('ready', () => {
        setReady(true)
        const at = initial.current.startAt
        if (at !== null && at > 0) wave.setTime(Math.min(at, duration))
      }),
      wave.on('play', () => setPlaying(true)),
      wave.on('pause', () => setPlaying(false)),
      wave.on('finish', () => setPlaying(false)),
      wave.on('timeupdate', (t) => setTime(Math.floor(t * TIME_STEP) / TIME_STEP)),
      wave.on('error', (e) => onError.current(e)),
    ]
    setWs(wave)
    return () => {
      for (const unsubscribe of subscriptions) unsubscribe()
      media.pause()
      wave.destroy()
      setWs(null)
      setReady(false)
    }
  }, [container, audio, peaks, duration, laneHeight])

  useEffect(() => {
    if (!ws) return
    ws.setOptions({
      splitChannels: lanes.map((c) => ({ waveColor: c.wave, progressColor: c.progress })),
      cursorColor: cursor,
    })
  }, [ws, lanes, cursor])

  return { ws, ready, playing, time }
}
