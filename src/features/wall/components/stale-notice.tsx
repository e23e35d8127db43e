import CloudOffRounded from '@mui/icons-material/CloudOffRounded'
import HourglassEmptyRounded from '@mui/icons-material/HourglassEmptyRounded'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useTick } from '@/hooks/use-tick'
import { type LinkFacts, staleness } from '../utils/staleness'
import { staleText } from '../utils/stale-text'

/**
 * Says, large and plainly, how old the data on the wall is when it stopped coming: over the
 * whole grid (dimmed behind it) when the link is down or silent, as a band across the top
 * when only the platform has gone quiet. Nothing while the data is fresh.
 */
export function StaleNotice({ facts }: { facts: LinkFacts }) {
  const { t } = useTranslation('wall')
  const now = useTick()
  const s = staleness(facts, now)
  const text = staleText(t, s)
  if (!text) return null
  const quiet = s.kind === 'quiet'
  const Icon = quiet ? HourglassEmptyRounded : CloudOffRounded
  return (
    <Box
      role="status"
      data-stale={s.kind}
      sx={
        quiet
          ? {
              position: 'absolute',
              insetInline: 0,
              top: 0,
              zIndex: 2,
              p: '1vh 2vw',
              bgcolor: '#5C3D00',
              color: '#FFE7B3',
              display: 'flex',
              alignItems: 'center',
              gap: '1.5vw',
              boxShadow: 8,
            }
          : {
              position: 'absolute',
              inset: 0,
              zIndex: 2,
              bgcolor: 'rgba(8, 10, 14, 0.78)',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }
      }
    >
      <Box
        sx={
          quiet
            ? { display: 'contents' }
            : {
                display: 'flex',
                alignItems: 'center',
                gap: '2vw',
                px: '3vw',
                py: '3vh',
                borderRadius: 2,
                bgcolor: '#7F1D1D',
                color: '#FFFFFF',
                border: '0.4vh solid #FCA5A5',
                maxWidth: '90%',
              }
        }
      >
        <Icon
          aria-hidden
          sx={{ fontSize: quiet ? 'max(28px, 4vh)' : 'max(56px, 11vh)', flexShrink: 0 }}
        />
        <Box>
          <Box
            sx={{
              fontSize: quiet ? 'max(22px, 3.4vh)' : 'max(32px, 7vh)',
              fontWeight: 800,
              lineHeight: 1.15,
            }}
          >
            {text.title}
          </Box>
          <Box
            sx={{
              fontSize: quiet ? 'max(14px, 2vh)' : 'max(18px, 3vh)',
              mt: '0.6vh',
              opacity: 0.92,
            }}
          >
            {text.detail}
          </Box>
        </Box>
      </Box>
    </Box>
  )
}
