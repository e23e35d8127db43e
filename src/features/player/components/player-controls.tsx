import DownloadRounded from '@mui/icons-material/DownloadRounded'
import Forward5Rounded from '@mui/icons-material/Forward5Rounded'
import LinkRounded from '@mui/icons-material/LinkRounded'
import PauseRounded from '@mui/icons-material/PauseRounded'
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded'
import Replay5Rounded from '@mui/icons-material/Replay5Rounded'
import VolumeDownRounded from '@mui/icons-material/VolumeDownRounded'
import ZoomInRounded from '@mui/icons-material/ZoomInRounded'
import ZoomOutMapRounded from '@mui/icons-material/ZoomOutMapRounded'
import ZoomOutRounded from '@mui/icons-material/ZoomOutRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import IconButton from '@mui/material/IconButton'
import MenuItem from '@mui/material/MenuItem'
import Slider from '@mui/material/Slider'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'
import { formatElapsed } from '@/lib/format'
import type { PlayClock } from '../utils/play-clock'
import { SPEEDS } from '../utils/player-links'

interface PlayerControlsProps {
  playing: boolean
  ready: boolean
  /** Seconds. */
  time: number
  /** Whole seconds as the player shows them (see `playClock`). */
  clock: PlayClock
  rate: number
  volume: number
  /** Px per second; 0 fits the whole recording in view. */
  zoom: number
  onTogglePlay: () => void
  onSkip: (seconds: number) => void
  onRate: (rate: number) => void
  onVolume: (volume: number) => void
  onZoomIn: () => void
  onZoomOut: () => void
  onZoomFit: () => void
  onCopyLink: () => void
  copied: boolean | null
  /** Download links, or null when the role may not download. */
  /** Download links; `wav` null when the platform keeps only the MP3. */
  downloads: { wav: string | null; mp3: string } | null
  /** Whether playback jumps over long silences; `available` false until they are known. */
  skipSilence: { on: boolean; available: boolean; onToggle: (on: boolean) => void }
}

const SEEK_STEP = 5 // s, as the buttons' icons say

/** The player's buttons: transport, time, speed, zoom, volume, link and downloads. */
export function PlayerControls(props: PlayerControlsProps) {
  const { t } = useTranslation('calls')
  const { playing, ready, time, clock } = props
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Tooltip title={t('player.back5')}>
          <span>
            <IconButton
              aria-label={t('player.back5')}
              onClick={() => props.onSkip(-SEEK_STEP)}
              disabled={!ready}
            >
              <Replay5Rounded />
            </IconButton>
          </span>
        </Tooltip>
        <IconButton
          aria-label={playing ? t('player.pause') : t('player.play')}
          onClick={props.onTogglePlay}
          disabled={!ready}
          color="primary"
          sx={{
            bgcolor: 'primary.main',
            color: 'primary.contrastText',
            '&:hover': { bgcolor: 'primary.dark' },
            width: 44,
            height: 44,
          }}
        >
          {playing ? <PauseRounded /> : <PlayArrowRounded />}
        </IconButton>
        <Tooltip title={t('player.forward5')}>
          <span>
            <IconButton
              aria-label={t('player.forward5')}
              onClick={() => props.onSkip(SEEK_STEP)}
              disabled={!ready}
            >
              <Forward5Rounded />
            </IconButton>
          </span>
        </Tooltip>
      </Box>
      <Box sx={{ fontVariantNumeric: 'tabular-nums', fontSize: '0.9375rem', whiteSpace: 'nowrap' }}>
        <Box
          component="span"
          role="timer"
          aria-label={t('player.elapsed')}
          sx={{ fontWeight: 600 }}
        >
          {formatElapsed(clock.elapsed * 1000)}
        </Box>
        <Box component="span" sx={{ color: 'text.secondary' }} aria-hidden>
          {' / '}
        </Box>
        <Box component="span" aria-label={t('player.total')} sx={{ color: 'text.secondary' }}>
          {formatElapsed(clock.total * 1000)}
        </Box>
      </Box>
      <TextField
        select
        size="small"
        label={t('player.speed')}
        value={props.rate}
        onChange={(e) => props.onRate(Number(e.target.value))}
        sx={{ width: 96 }}
      >
        {SPEEDS.map((s) => (
          <MenuItem key={s} value={s}>
            {`${s}×`}
          </MenuItem>
        ))}
      </TextField>
      <Box
        sx={{ display: 'flex', alignItems: 'center' }}
        role="group"
        aria-label={t('player.zoom')}
      >
        <Tooltip title={t('player.zoomOut')}>
          <span>
            <IconButton
              aria-label={t('player.zoomOut')}
              onClick={props.onZoomOut}
              disabled={!ready || props.zoom === 0}
            >
              <ZoomOutRounded />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('player.zoomFit')}>
          <span>
            <IconButton
              aria-label={t('player.zoomFit')}
              onClick={props.onZoomFit}
              disabled={!ready || props.zoom === 0}
            >
              <ZoomOutMapRounded />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={t('player.zoomIn')}>
          <span>
            <IconButton aria-label={t('player.zoomIn')} onClick={props.onZoomIn} disabled={!ready}>
              <ZoomInRounded />
            </IconButton>
          </span>
        </Tooltip>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width: 150 }}>
        <VolumeDownRounded aria-hidden sx={{ color: 'text.secondary' }} />
        <Slider
          size="small"
          min={0}
          max={1}
          step={0.05}
          value={props.volume}
          onChange={(_, v) => props.onVolume(v)}
          aria-label={t('player.volume')}
          getAriaValueText={(v) => `${Math.round(v * 100)}%`}
        />
      </Box>
      <Tooltip title={t('analysis.skipSilenceHint')} describeChild>
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={props.skipSilence.on}
              disabled={!props.skipSilence.available}
              onChange={(_, on) => props.skipSilence.onToggle(on)}
              slotProps={{ input: { role: 'switch' } }}
            />
          }
          label={t('analysis.skipSilence')}
          sx={{ mr: 0 }}
        />
      </Tooltip>
      <Box sx={{ flex: 1 }} />
      <Tooltip title={t('player.copyLinkHint')}>
        <Button
          size="small"
          startIcon={<LinkRounded />}
          onClick={props.onCopyLink}
          sx={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {props.copied === true
            ? t('common.copied')
            : props.copied === false
              ? t('player.copyFailed')
              : t('player.copyLink', { time: formatElapsed(time * 1000) })}
        </Button>
      </Tooltip>
      {props.downloads && (
        <Box sx={{ display: 'flex', gap: 0.5 }}>
          {props.downloads.wav && (
            <Button
              size="small"
              variant="outlined"
              startIcon={<DownloadRounded />}
              href={props.downloads.wav}
              download
            >
              {t('player.downloadWav')}
            </Button>
          )}
          <Button
            size="small"
            variant="outlined"
            startIcon={<DownloadRounded />}
            href={props.downloads.mp3}
            download
          >
            {t('player.downloadMp3')}
          </Button>
        </Box>
      )}
    </Box>
  )
}
