import HistoryRounded from '@mui/icons-material/HistoryRounded'
import PauseRounded from '@mui/icons-material/PauseRounded'
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded'
import SkipNextRounded from '@mui/icons-material/SkipNextRounded'
import SkipPreviousRounded from '@mui/icons-material/SkipPreviousRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import LinearProgress from '@mui/material/LinearProgress'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Tooltip from '@mui/material/Tooltip'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useTick } from '@/hooks/use-tick'
import { liveServerNow } from '../hooks/use-replay-driver'
import { REPLAY_SPEEDS, type ReplaySpeed, useReplayStore } from '../stores/replay-store'
import { formatMoment } from '../utils/replay-time'
import { ReplayMoments } from './replay-moments'

const STEP_MS = 60_000 // the step buttons move the moment by a minute

function Control(props: {
  label: string
  onClick: () => void
  disabled?: boolean
  icon: ReactElement
}) {
  return (
    <Tooltip title={props.label}>
      {/* A disabled button hears no pointer: its wrapper shows the tooltip. */}
      <span>
        <IconButton
          size="small"
          aria-label={props.label}
          disabled={props.disabled ?? false}
          onClick={props.onClick}
        >
          {props.icon}
        </IconButton>
      </span>
    </Tooltip>
  )
}

/**
 * While looking back: says plainly that the floor is not live and which moment it shows, with
 * the way back to live (also Esc), and the controls to move through the past.
 */
export function ReplayBanner({ loading }: { loading: boolean }) {
  const { t } = useTranslation()
  const at = useReplayStore((s) => s.at)
  const playing = useReplayStore((s) => s.playing)
  const speed = useReplayStore((s) => s.speed)
  const { advanceTo, play, pause, setSpeed, backToLive } = useReplayStore.getState()
  // Re-rendered each second, so "one minute forward" turns off as the moment nears now.
  useTick()
  if (at === null) return null
  const now = liveServerNow()
  return (
    <Box component="section" aria-label={t('replay.controls')}>
      <Alert
        severity="info"
        variant="filled"
        square
        icon={<HistoryRounded />}
        sx={{ py: 0.25, borderRadius: 0, alignItems: 'center' }}
        action={
          <Tooltip title={t('replay.backToLiveHint')} describeChild>
            <Button
              color="inherit"
              variant="outlined"
              size="small"
              onClick={backToLive}
              aria-keyshortcuts="Escape"
            >
              {t('replay.backToLive')}
            </Button>
          </Tooltip>
        }
      >
        <Box component="span" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
          {t('replay.banner', { time: formatMoment(at, now) })}
        </Box>
      </Alert>
      <Box
        sx={{
          px: 1.5,
          py: 0.5,
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 0.5,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Control
          label={t('replay.stepBack')}
          icon={<SkipPreviousRounded />}
          onClick={() => advanceTo(at - STEP_MS)}
        />
        <Control
          label={playing ? t('replay.pause') : t('replay.play')}
          icon={playing ? <PauseRounded /> : <PlayArrowRounded />}
          onClick={playing ? pause : play}
        />
        <Control
          label={t('replay.stepForward')}
          icon={<SkipNextRounded />}
          disabled={at + STEP_MS >= now}
          onClick={() => advanceTo(at + STEP_MS)}
        />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={speed}
          aria-label={t('replay.speed')}
          onChange={(_, value: ReplaySpeed | null) => value !== null && setSpeed(value)}
          sx={{ mx: 1 }}
        >
          {REPLAY_SPEEDS.map((s) => (
            <ToggleButton key={s} value={s} sx={{ py: 0.25, px: 1 }}>
              {t('replay.speedValue', { speed: s })}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ReplayMoments at={at} />
      </Box>
      <Box sx={{ height: 2 }}>
        {loading && <LinearProgress aria-label={t('replay.loading')} sx={{ height: 2 }} />}
      </Box>
    </Box>
  )
}
