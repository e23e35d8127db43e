import { alpha, useColorScheme } from '@mui/material/styles'
import { useEffect } from 'react'
import type WaveSurfer from 'wavesurfer.js'
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.js'
import type { RecordingAnalysis } from '@/shared/recording-analysis'
import { skipTarget } from '../utils/skip-silence'

// Bands across both lanes, drawn over the waveform: silences in a neutral grey, cross-talk in
// the console's amber, strong enough to see on either scheme without hiding the bars.
const BANDS = {
  light: { silence: alpha('#5B6475', 0.16), crossTalk: alpha('#E08A00', 0.3) },
  dark: { silence: alpha('#C4CAD6', 0.14), crossTalk: alpha('#FFB547', 0.3) },
} as const

/**
 * Marks the analysis on the waveform (wavesurfer's regions, fixed: no drag, no resize) and, when
 * `skipSilence` is on, jumps playback over each long silence as it reaches it.
 */
export function useAnalysisRegions(
  ws: WaveSurfer | null,
  ready: boolean,
  analysis: RecordingAnalysis | undefined,
  skipSilence: boolean,
): void {
  const { mode, systemMode } = useColorScheme()
  const scheme = (mode === 'system' ? systemMode : mode) === 'dark' ? 'dark' : 'light'

  useEffect(() => {
    if (!ws || !ready || !analysis) return
    const regions = ws.registerPlugin(RegionsPlugin.create())
    const colors = BANDS[scheme]
    const band = (kind: 'silence' | 'crossTalk', i: number, start: number, end: number) =>
      regions.addRegion({
        id: `${kind}-${i}`,
        start,
        end,
        color: colors[kind],
        drag: false,
        resize: false,
      })
    analysis.silences.forEach((s, i) => band('silence', i, s.start, s.end))
    analysis.crossTalk?.forEach((s, i) => band('crossTalk', i, s.start, s.end))
    return () => ws.unregisterPlugin(regions)
  }, [ws, ready, analysis, scheme])

  useEffect(() => {
    if (!ws || !analysis || !skipSilence || analysis.silences.length === 0) return
    return ws.on('timeupdate', (time) => {
      if (!ws.isPlaying()) return
      const to = skipTarget(analysis.silences, time)
      if (to !== null) ws.setTime(Math.min(to, analysis.duration))
    })
  }, [ws, analysis, skipSilence])
}
