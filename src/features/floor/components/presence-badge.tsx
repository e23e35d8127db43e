import AssignmentIndRounded from '@mui/icons-material/AssignmentIndRounded'
import PhoneForwardedRounded from '@mui/icons-material/PhoneForwardedRounded'
import SnoozeRounded from '@mui/icons-material/SnoozeRounded'
import VisibilityRounded from '@mui/icons-material/VisibilityRounded'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import type { PresenceWords } from '../hooks/use-presence-words'

const ICONS = {
  looking: VisibilityRounded,
  claimed: AssignmentIndRounded,
  'took-over': PhoneForwardedRounded,
  listening: AssignmentIndRounded,
  barged: AssignmentIndRounded,
} as const

/**
 * Who else is on the agent (looking, on it, took the call over) and whether its breach is
 * snoozed, at the end of the tile's last line; everything in words on hover.
 */
export function PresenceBadge({ words }: { words: PresenceWords | null }) {
  const { t } = useTranslation()
  if (!words) return null
  const Icon = words.first ? ICONS[words.first.kind] : SnoozeRounded
  return (
    <Box
      component="span"
      className="tile-presence"
      title={words.text}
      // Read as one phrase where nothing else says it (the table; a tile's own label does).
      role="img"
      aria-label={words.text}
      data-kind={words.first?.kind}
      data-snoozed={words.snoozedUntil !== null || undefined}
      sx={(theme) => ({
        display: 'inline-flex',
        alignItems: 'center',
        gap: '2px',
        ml: 'auto',
        minWidth: 0,
        maxWidth: '55%',
        flexShrink: 0,
        px: '4px',
        borderRadius: 1,
        fontSize: '0.75rem',
        fontWeight: 600,
        lineHeight: '18px',
        color: theme.vars.palette.secondary.main,
        border: `1px solid ${theme.vars.palette.secondary.main}`,
        '& svg': { fontSize: 14, flexShrink: 0 },
      })}
    >
      <Icon aria-hidden />
      <Box
        component="span"
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {words.firstName ?? t('presence.snoozedShort', { until: words.snoozedUntil })}
      </Box>
      {words.more > 0 && <span>+{words.more}</span>}
      {words.first && words.snoozedUntil && <SnoozeRounded aria-hidden />}
    </Box>
  )
}
