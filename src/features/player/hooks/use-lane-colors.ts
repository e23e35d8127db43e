import { useColorScheme } from '@mui/material/styles'
import { useMemo } from 'react'
import type { LaneColors } from './use-waveform'

// Canvas colours (the waveform is drawn, not styled): agent in the console's blue, customer
// in teal, each a quiet tone ahead of the cursor and a strong one behind it.
const PALETTE = {
  light: {
    lanes: [
      { wave: '#A9B6EE', progress: '#3D5BD9' },
      { wave: '#9CD3C6', progress: '#0E7C68' },
    ],
    cursor: '#1B2230',
  },
  dark: {
    lanes: [
      { wave: '#4A5790', progress: '#8FA4FF' },
      { wave: '#2F6B60', progress: '#5FD3B8' },
    ],
    cursor: '#E6EAF0',
  },
} as const

/** Lane and cursor colours for the light or dark scheme in use. */
export function useLaneColors(laneCount: number): { lanes: LaneColors[]; cursor: string } {
  const { mode, systemMode } = useColorScheme()
  const scheme = (mode === 'system' ? systemMode : mode) === 'dark' ? 'dark' : 'light'
  return useMemo(() => {
    const p = PALETTE[scheme]
    return {
      lanes: Array.from({ length: laneCount }, (_, i) => p.lanes[i % p.lanes.length]!),
      cursor: p.cursor,
    }
  }, [scheme, laneCount])
}

/** A lane's own colour, for its label beside the waveform. */
export function laneSwatch(lanes: readonly LaneColors[], lane: number): string {
  return lanes[lane]?.progress ?? 'currentColor'
}
