import { useCallback, useEffect, useRef } from 'react'

interface Graph {
  context: AudioContext
  lanes: GainNode[]
  master: GainNode
}

const RAMP_S = 0.015 // a 15 ms fade: no click when a lane is muted mid-word

export interface LaneMixer {
  /**
   * Builds the Web Audio graph on the first call; call it from a user gesture (a click or a
   * key), where browsers let an AudioContext start.
   */
  ensure: (element: HTMLAudioElement | null) => void
  setLaneMuted: (lane: number, muted: boolean) => void
  /** Before the graph exists, the element's own volume. */
  setVolume: (volume: number, element: HTMLAudioElement | null) => void
}

/**
 * Per-lane mute for a two-track recording: element → splitter → one gain per lane → merger →
 * master gain → speakers. Each lane goes to both ears, so muting the agent leaves the
 * customer in both (the recording puts them left and right). Before the graph exists the
 * element plays by itself and the element's own volume applies.
 */
export function useLaneMixer(laneCount: number): LaneMixer {
  const graph = useRef<Graph | null>(null)
  const muted = useRef<boolean[]>([])
  const volume = useRef(1)

  const ensure = useCallback(
    (element: HTMLAudioElement | null) => {
      if (!element || typeof AudioContext === 'undefined') return
      if (!graph.current) {
        const context = new AudioContext()
        const source = context.createMediaElementSource(element)
        const lanes = Math.max(1, laneCount)
        const splitter = context.createChannelSplitter(lanes)
        const merger = context.createChannelMerger(2)
        const master = context.createGain()
        const gains = Array.from({ length: lanes }, (_, i) => {
          const gain = context.createGain()
          gain.gain.value = muted.current[i] ? 0 : 1
          splitter.connect(gain, i)
          gain.connect(merger, 0, 0)
          gain.connect(merger, 0, 1)
          return gain
        })
        source.connect(splitter)
        merger.connect(master)
        master.connect(context.destination)
        // From now on the master gain is the volume; the element plays at full level into it.
        master.gain.value = volume.current
        element.volume = 1
        graph.current = { context, lanes: gains, master }
      }
      if (graph.current.context.state === 'suspended') void graph.current.context.resume()
    },
    [laneCount],
  )

  const setLaneMuted = useCallback((lane: number, isMuted: boolean) => {
    muted.current[lane] = isMuted
    const g = graph.current
    const gain = g?.lanes[lane]
    if (g && gain) gain.gain.setTargetAtTime(isMuted ? 0 : 1, g.context.currentTime, RAMP_S)
  }, [])

  const setVolume = useCallback((value: number, element: HTMLAudioElement | null) => {
    volume.current = value
    const g = graph.current
    if (g) g.master.gain.setTargetAtTime(value, g.context.currentTime, RAMP_S)
    else if (element) element.volume = value
  }, [])

  useEffect(
    () => () => {
      void graph.current?.context.close()
      graph.current = null
    },
    [],
  )

  return { ensure, setLaneMuted, setVolume }
}
