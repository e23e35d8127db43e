import Box from '@mui/material/Box'
import type { UseQueryResult } from '@tanstack/react-query'
import { type KeyboardEvent, type RefObject, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from '@/lib/clipboard'
import { formatElapsed } from '@/lib/format'
import type { RecordingPeaks } from '@/shared/cdr'
import type { RecordingAnalysis } from '@/shared/recording-analysis'
import { useAnalysisRegions } from '../hooks/use-analysis-regions'
import { useLaneColors, laneSwatch } from '../hooks/use-lane-colors'
import { useLaneMixer } from '../hooks/use-lane-mixer'
import { useWaveform } from '../hooks/use-waveform'
import { usePlayerPrefs } from '../stores/player-prefs-store'
import { scalePeaks } from '../utils/peaks'
import { playClock } from '../utils/play-clock'
import { SEEK_STEP_S, audioUrl, momentPath, zoomIn, zoomOut } from '../utils/player-links'
import { AnalysisFigures } from './analysis-figures'
import { LaneLabels } from './lane-labels'
import { OneTrackNote } from './one-track-note'
import { PlayerControls } from './player-controls'

const LANE_HEIGHT = 64 // px per lane
const COPIED_MS = 2_000 // how long "copied" shows on the link button

// Keys the player answers when focus is on it (not in one of its own controls).
const CONTROLS =
  'button, input, select, textarea, a, [role="combobox"], [role="slider"]:not([data-waveform])'

interface PlayerViewProps {
  audio: RefObject<HTMLAudioElement | null>
  peaks: RecordingPeaks
  recordingId: string
  callId: string
  startAt: number | null
  /** The platform's length of the recording in seconds (`recordLength`), if it gives one. */
  seconds?: number | null | undefined
  canDownload: boolean
  /** Silences, cross-talk and talk ratio: marked on the lanes once known. */
  analysis: UseQueryResult<RecordingAnalysis>
  onError: (error: Error) => void
}

/** The waveform (a lane per channel, each with its mute) and the player's controls. */
export function PlayerView(props: PlayerViewProps) {
  const { audio, peaks, recordingId, callId, startAt, canDownload } = props
  const { t } = useTranslation('calls')
  const laneCount = peaks.channels.length
  // Past the platform's WAV window only the one-track MP3 is left: one lane, and a note why.
  const oneTrack = peaks.source === 'mp3'
  const scaled = useMemo(() => scalePeaks(peaks), [peaks])
  const colors = useLaneColors(laneCount)
  const container = useRef<HTMLDivElement>(null)
  const { ws, ready, playing, time } = useWaveform({
    container,
    audio,
    peaks: scaled,
    duration: peaks.duration,
    lanes: colors.lanes,
    cursor: colors.cursor,
    laneHeight: LANE_HEIGHT,
    startAt,
    onError: props.onError,
  })
  const skipSilence = usePlayerPrefs((p) => p.skipSilence)
  const setPrefs = usePlayerPrefs((p) => p.set)
  // Marks of the MP3 are drawn on its one lane; of the WAV, across both.
  useAnalysisRegions(ws, ready, props.analysis.data, skipSilence)
  const canSkip = (props.analysis.data?.silences.length ?? 0) > 0
  const mixer = useLaneMixer(laneCount)
  const [muted, setMuted] = useState<boolean[]>(() =>
    Array.from({ length: laneCount }, () => false),
  )
  const [rate, setRate] = useState(1)
  const [volume, setVolume] = useState(1)
  const [zoom, setZoom] = useState(0)
  const [copied, setCopied] = useState<boolean | null>(null)
  const duration = peaks.duration
  const clock = playClock(time, duration, props.seconds)

  const names =
    laneCount === 2
      ? [t('player.laneAgent'), t('player.laneCustomer')]
      : Array.from({ length: laneCount }, (_, i) =>
          laneCount === 1 ? t('player.laneMixed') : `${i + 1}`,
        )

  const togglePlay = () => {
    if (!ws) return
    mixer.ensure(audio.current)
    // A refused play (the browser's autoplay rule) just leaves it paused.
    ws.playPause().catch(() => undefined)
  }
  const seekTo = (seconds: number) => ws?.setTime(Math.min(duration, Math.max(0, seconds)))
  const fitPxPerSec = () => (container.current?.clientWidth ?? 800) / Math.max(duration, 1)
  const applyZoom = (px: number) => {
    setZoom(px)
    if (ws && ready) ws.zoom(px)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as Element).closest(CONTROLS)) return
    const now = ws?.getCurrentTime() ?? 0
    switch (event.key) {
      case ' ':
      case 'k':
        togglePlay()
        break
      case 'ArrowLeft':
        seekTo(now - SEEK_STEP_S)
        break
      case 'ArrowRight':
        seekTo(now + SEEK_STEP_S)
        break
      case 'Home':
        seekTo(0)
        break
      case 'End':
        seekTo(duration)
        break
      case 's':
      case 'S':
        if (!canSkip) return
        setPrefs({ skipSilence: !skipSilence })
        break
      default:
        return
    }
    event.preventDefault()
  }

  const copyLink = async () => {
    const url = `${window.location.origin}${momentPath(callId, recordingId, ws?.getCurrentTime() ?? time)}`
    setCopied(await copyText(url))
    setTimeout(() => setCopied(null), COPIED_MS)
  }

  return (
    <Box
      role="region"
      aria-label={t('player.label')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, outline: 'none' }}
    >
      {oneTrack && <OneTrackNote />}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '96px 1fr', sm: '140px 1fr' },
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'background.default',
        }}
      >
        <LaneLabels
          names={names}
          colors={colors.lanes.map((_, i) => laneSwatch(colors.lanes, i))}
          muted={muted}
          height={LANE_HEIGHT}
          onToggle={
            laneCount > 1
              ? (lane) => {
                  mixer.ensure(audio.current)
                  const next = muted.map((m, i) => (i === lane ? !m : m))
                  setMuted(next)
                  mixer.setLaneMuted(lane, next[lane] === true)
                }
              : null
          }
        />
        <Box
          data-waveform
          role="slider"
          tabIndex={0}
          aria-label={t('player.position')}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(time)}
          aria-valuetext={t('player.positionText', {
            time: formatElapsed(clock.elapsed * 1000),
            total: formatElapsed(clock.total * 1000),
          })}
          aria-busy={!ready}
          sx={{
            minWidth: 0,
            cursor: 'pointer',
            '&:focus-visible': {
              outline: '2px solid',
              outlineColor: 'primary.main',
              outlineOffset: -2,
            },
          }}
        >
          <div ref={container} data-lanes={laneCount} />
        </Box>
      </Box>
      <PlayerControls
        playing={playing}
        ready={ready}
        time={time}
        clock={clock}
        rate={rate}
        volume={volume}
        zoom={zoom}
        onTogglePlay={togglePlay}
        onSkip={(s) => seekTo((ws?.getCurrentTime() ?? 0) + s)}
        onRate={(r) => {
          setRate(r)
          ws?.setPlaybackRate(r)
        }}
        onVolume={(v) => {
          mixer.ensure(audio.current)
          setVolume(v)
          mixer.setVolume(v, audio.current)
        }}
        onZoomIn={() => applyZoom(zoomIn(zoom, fitPxPerSec()))}
        onZoomOut={() => applyZoom(zoomOut(zoom, fitPxPerSec()))}
        onZoomFit={() => applyZoom(0)}
        onCopyLink={() => void copyLink()}
        copied={copied}
        downloads={
          canDownload
            ? {
                wav: oneTrack ? null : audioUrl(recordingId, 'wav', true),
                mp3: audioUrl(recordingId, 'mp3', true),
              }
            : null
        }
        skipSilence={{
          on: skipSilence,
          available: canSkip,
          onToggle: (on) => setPrefs({ skipSilence: on }),
        }}
      />
      <AnalysisFigures
        analysis={props.analysis}
        sideColors={[laneSwatch(colors.lanes, 0), laneSwatch(colors.lanes, 1)]}
        onSeek={(s) => {
          seekTo(s)
          container.current?.closest<HTMLElement>('[data-waveform]')?.focus()
        }}
      />
    </Box>
  )
}
