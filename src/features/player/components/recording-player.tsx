import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import HourglassDisabledRounded from '@mui/icons-material/HourglassDisabledRounded'
import MicOffRounded from '@mui/icons-material/MicOffRounded'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useAnalysis } from '../api/get-analysis'
import { peaksQueryOptions, usePeaks } from '../api/get-peaks'
import { peaksProblem } from '../utils/peaks-problem'
import { audioUrl } from '../utils/player-links'
import { PlayerLoading } from './player-loading'
import { PlayerMessage } from './player-message'
import { PlayerView } from './player-view'

/** How long the waveform and the stream's start may take before the player says so. */
export const LOAD_TIMEOUT_MS = 15_000

export interface RecordingPlayerProps {
  recordingId: string
  /** The call, for the link to this moment. */
  callId: string
  /** Seconds to start at (a shared link), or null. */
  startAt: number | null
  /** The platform's length of the recording in seconds (`recordLength`): the total shown. */
  seconds?: number | null | undefined
  /** Whether the role may download the recording (`hearRecordings`). */
  canDownload: boolean
  loadTimeoutMs?: number
}

/**
 * Plays one recording: its waveform from the relay's peaks, its sound streamed by an `<audio>`
 * element. Every failure ends in words and, where it may help, a retry; never a spinner
 * that spins for ever.
 */
export function RecordingPlayer(props: RecordingPlayerProps) {
  // A retry starts the player afresh: new element, new stream, new waveform.
  const [attempt, setAttempt] = useState(0)
  return <PlayerAttempt key={attempt} {...props} onRetry={() => setAttempt((n) => n + 1)} />
}

type Stream = 'loading' | 'ready' | 'failed'

function PlayerAttempt({
  recordingId,
  callId,
  startAt,
  seconds,
  canDownload,
  loadTimeoutMs = LOAD_TIMEOUT_MS,
  onRetry,
}: RecordingPlayerProps & { onRetry: () => void }) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const queryClient = useQueryClient()
  const peaks = usePeaks(recordingId)
  // Asked for beside the peaks: the relay reads both in one pass and keeps them together.
  const analysis = useAnalysis(recordingId)
  const audio = useRef<HTMLAudioElement>(null)
  const [stream, setStream] = useState<Stream>('loading')
  const [drawFailed, setDrawFailed] = useState(false)
  const [timedOut, setTimedOut] = useState(false)
  const loaded = peaks.isSuccess && stream === 'ready'
  const failed = peaks.isError || stream === 'failed' || drawFailed

  useEffect(() => {
    if (loaded || failed) return
    const timer = setTimeout(() => {
      setTimedOut(true)
      // Stop waiting for the waveform too, so a retry asks again.
      void queryClient.cancelQueries({ queryKey: peaksQueryOptions(recordingId).queryKey })
    }, loadTimeoutMs)
    return () => clearTimeout(timer)
  }, [loaded, failed, loadTimeoutMs, queryClient, recordingId])

  let content
  if (peaks.isError) {
    const problem = peaksProblem(peaks.error, language)
    content =
      problem.kind === 'noRecording' ? (
        <PlayerMessage
          role="status"
          icon={<MicOffRounded />}
          title={t('player.noRecording')}
          // The relay's words, unless they say just the same.
          body={problem.text === t('player.noRecording') ? null : problem.text}
        />
      ) : (
        <PlayerMessage
          icon={<ErrorOutlineRounded />}
          title={t('player.peaksFailed')}
          body={problem.kind === 'network' ? t('errors.network') : problem.text}
          onRetry={onRetry}
        />
      )
  } else if (stream === 'failed' || drawFailed) {
    content = (
      <PlayerMessage
        icon={<ErrorOutlineRounded />}
        title={t('player.streamFailed')}
        body={t('player.streamFailedBody')}
        onRetry={onRetry}
      />
    )
  } else if (timedOut && !loaded) {
    content = (
      <PlayerMessage
        icon={<HourglassDisabledRounded />}
        title={t('player.timedOut', { seconds: wholeSecondsUp(loadTimeoutMs) })}
        body={t('player.timedOutBody')}
        onRetry={onRetry}
      />
    )
  } else if (peaks.data) {
    content = (
      <PlayerView
        audio={audio}
        peaks={peaks.data}
        recordingId={recordingId}
        callId={callId}
        startAt={startAt}
        seconds={seconds}
        canDownload={canDownload}
        analysis={analysis}
        onError={() => setDrawFailed(true)}
      />
    )
  } else {
    content = <PlayerLoading />
  }

  return (
    <>
      {/* The sound: streamed with HTTP Range as it plays, never downloaded whole first; the
          WAV while the platform keeps it, else the MP3 (the relay chooses). */}
      <audio
        ref={audio}
        src={audioUrl(recordingId)}
        preload="metadata"
        onLoadedMetadata={() => setStream('ready')}
        onError={() => setStream('failed')}
        hidden
      />
      {content}
    </>
  )
}

/** A wait in whole seconds for the reader, rounded up and at least 1: never "within 0 s". */
function wholeSecondsUp(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}
