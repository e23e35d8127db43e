import DownloadRounded from '@mui/icons-material/DownloadRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { ExportState } from '../hooks/use-csv-export'
import { relayProblem } from '../utils/relay-problem'
import { useLanguage } from '@/hooks/use-language'
import { useProblemText } from './problem-state'

interface ExportControlProps {
  state: ExportState
  disabled: boolean
  onStart: () => void
  onCancel: () => void
  onDismiss: () => void
}

/** "Export CSV", then its progress (n of total) with Cancel, then how it ended. */
export function ExportControl({
  state,
  disabled,
  onStart,
  onCancel,
  onDismiss,
}: ExportControlProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const problemText = useProblemText()
  if (state.status === 'running') {
    const { done, total } = state
    return (
      <Box
        role="status"
        aria-live="polite"
        sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 320 }}
      >
        <Box sx={{ flex: 1 }}>
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {total === null
              ? t('callRecords.export.runningUnknown', { done })
              : t('callRecords.export.running', { done, total })}
          </Typography>
          <LinearProgress
            variant={total ? 'determinate' : 'indeterminate'}
            value={total ? Math.min(100, (done / total) * 100) : 0}
            aria-label={t('callRecords.export.progress')}
          />
        </Box>
        <Button variant="outlined" size="small" onClick={onCancel}>
          {t('callRecords.export.cancel')}
        </Button>
      </Box>
    )
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      {state.status === 'done' && (
        <Alert severity="success" onClose={onDismiss} sx={{ py: 0 }}>
          {t('callRecords.export.done', { count: state.rows })}
        </Alert>
      )}
      {state.status === 'failed' && (
        <Alert severity="error" onClose={onDismiss} sx={{ py: 0 }}>
          {t('callRecords.export.failed', {
            message: problemText(relayProblem(state.error, language)),
          })}
        </Alert>
      )}
      <Button
        variant="outlined"
        startIcon={<DownloadRounded />}
        onClick={onStart}
        disabled={disabled}
      >
        {t('callRecords.export.button')}
      </Button>
    </Box>
  )
}
