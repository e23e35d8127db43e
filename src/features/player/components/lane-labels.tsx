import VolumeOffRounded from '@mui/icons-material/VolumeOffRounded'
import VolumeUpRounded from '@mui/icons-material/VolumeUpRounded'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'

interface LaneLabelsProps {
  /** Lane names, top to bottom. */
  names: readonly string[]
  colors: readonly string[]
  muted: readonly boolean[]
  /** Px per lane, as the waveform draws them. */
  height: number
  /** Null when the lanes cannot be muted apart (a one-track recording). */
  onToggle: ((lane: number) => void) | null
}

/** Who each lane is, in its colour, with its own mute. */
export function LaneLabels({ names, colors, muted, height, onToggle }: LaneLabelsProps) {
  const { t } = useTranslation('calls')
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column' }}>
      {names.map((name, lane) => {
        const isMuted = muted[lane] === true
        const label = isMuted
          ? t('player.unmuteLane', { lane: name })
          : t('player.muteLane', { lane: name })
        return (
          <Box
            key={name}
            data-lane={lane}
            sx={{
              height,
              display: 'flex',
              alignItems: 'center',
              gap: 0.5,
              pr: 1,
              borderLeft: 4,
              borderColor: colors[lane],
              pl: 1,
              opacity: isMuted ? 0.55 : 1,
            }}
          >
            <Box component="span" sx={{ flex: 1, fontSize: '0.8125rem', fontWeight: 600 }}>
              {name}
            </Box>
            {onToggle && (
              <Tooltip title={label}>
                <IconButton
                  size="small"
                  aria-label={label}
                  aria-pressed={isMuted}
                  onClick={() => onToggle(lane)}
                >
                  {isMuted ? (
                    <VolumeOffRounded fontSize="small" />
                  ) : (
                    <VolumeUpRounded fontSize="small" />
                  )}
                </IconButton>
              </Tooltip>
            )}
          </Box>
        )
      })}
    </Box>
  )
}
