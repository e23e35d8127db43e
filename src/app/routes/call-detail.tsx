import Typography from '@mui/material/Typography'
import { Component, type ReactNode, Suspense, lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { CallDetailPage } from '@/features/calls/components/call-detail-page'
import { PlayerLoading } from '@/features/player/components/player-loading'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { can } from '@/shared/auth'
import { ForbiddenRoute } from './forbidden'

// The player (and wavesurfer.js with it) loads only when a call is opened by a role that may
// listen: the floor and the calls list never fetch it.
const RecordingPlayer = lazy(() =>
  import('@/features/player/components/recording-player').then((m) => ({
    default: m.RecordingPlayer,
  })),
)

/** `/calls/:callId`: the call's record and recordings, with the player composed in. */
export function CallDetailRoute() {
  const { t } = useTranslation('calls')
  const { callId = '' } = useParams()
  const me = useCurrentUser()
  if (!can(me.role, 'browseCalls')) return <ForbiddenRoute />
  const canHear = can(me.role, 'hearRecordings')
  return (
    <CallDetailPage
      key={callId}
      callId={callId}
      canHear={canHear}
      roleLabel={t(`roles.${me.role}`)}
      renderPlayer={(slot) => (
        <PlayerBoundary fallback={<PlayerLoadFailed />}>
          <Suspense fallback={<PlayerLoading />}>
            <RecordingPlayer
              key={slot.recording.id}
              recordingId={slot.recording.id}
              callId={slot.callId}
              startAt={slot.startAt}
              seconds={slot.recording.recordLength ?? null}
              canDownload={canHear}
            />
          </Suspense>
        </PlayerBoundary>
      )}
    />
  )
}

function PlayerLoadFailed() {
  const { t } = useTranslation('calls')
  return (
    <Typography role="alert" variant="body2" sx={{ color: 'error.main', py: 2 }}>
      {t('player.moduleFailed')}
    </Typography>
  )
}

/** The player's code could not be fetched (the network dropped, a new version was deployed). */
class PlayerBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
