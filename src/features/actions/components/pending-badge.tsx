import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import { useTranslation } from 'react-i18next'
import { usePendingAction } from '../stores/pending-store'

/** On the agent's tile while an action on them awaits its answer: a spinner and the operation. */
export function PendingBadge({ agentId }: { agentId: string }) {
  const { t } = useTranslation()
  const pending = usePendingAction(agentId)
  if (!pending) return null
  return (
    <Box
      component="span"
      role="status"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        ml: 'auto',
        pl: 0.75,
        flexShrink: 0,
        color: 'primary.main',
        fontSize: '0.75rem',
        fontWeight: 600,
      }}
    >
      <CircularProgress size={11} thickness={6} color="inherit" aria-hidden />
      {t('actions.pending', { op: t(`actions.ops.${pending.op}`) })}
    </Box>
  )
}
