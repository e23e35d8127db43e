import ReplayRounded from '@mui/icons-material/ReplayRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatQueryTime } from '@/shared/platform-time'
import type { QuarantineEntry } from '@/shared/webhook-quarantine'
import { apiErrorMessage } from '@/lib/api-error-message'
import { isApiError } from '@/lib/api-client'
import { useReplayQuarantined } from '../api/replay-quarantined'
import { QuarantinedBody } from './quarantined-body'

interface QuarantineEntryCardProps {
  entry: QuarantineEntry
  /** Zone of the platform: times are shown as its clocks read. */
  timeZone: string
}

/**
 * One quarantined webhook: when it came, what it was, why it could not be applied, its body,
 * and a replay through the webhook's own checks with what came of it.
 */
export function QuarantineEntryCard({ entry, timeZone }: QuarantineEntryCardProps) {
  const { t } = useTranslation('admin')
  const titleId = useId()
  const timeId = useId()
  const replay = useReplayQuarantined()
  const name = entry.eventName ?? t('quarantine.noEventName')
  const time = formatQueryTime(entry.receivedAt, timeZone)
  const replayed = entry.replayedAt !== null

  return (
    <Paper
      component="article"
      variant="outlined"
      aria-labelledby={`${titleId} ${timeId}`}
      sx={{ p: 2, opacity: replayed ? 0.85 : 1 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {name}
        </Typography>
        <Typography id={timeId} variant="body2" sx={{ color: 'text.secondary' }}>
          <time dateTime={new Date(entry.receivedAt).toISOString()}>{time}</time>
        </Typography>
        <Chip size="small" variant="outlined" label={`HTTP ${entry.status}`} />
        {entry.times > 1 && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('quarantine.times', {
              count: entry.times,
              last: formatQueryTime(entry.lastReceivedAt, timeZone),
            })}
          </Typography>
        )}
        {replayed && (
          <Chip
            size="small"
            color="success"
            label={t('quarantine.replayedChip', {
              result: t(`quarantine.results.${entry.replayResult ?? 'applied'}`),
            })}
          />
        )}
        <Box sx={{ flex: 1 }} />
        {!replayed && entry.bodyKept && (
          <Button
            variant="outlined"
            size="small"
            startIcon={<ReplayRounded />}
            loading={replay.isPending}
            aria-label={t('quarantine.replayLabel', { name, time })}
            onClick={() => replay.mutate(entry.id)}
          >
            {t('quarantine.replay')}
          </Button>
        )}
      </Stack>
      <Typography
        variant="body2"
        sx={{ color: replayed ? 'text.secondary' : 'error.main', mb: 1, overflowWrap: 'anywhere' }}
      >
        {t('quarantine.reason', { reason: entry.reason })}
      </Typography>
      <QuarantinedBody entry={entry} />
      {replayed && entry.replayedAt !== null && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 1 }}>
          {t('quarantine.replayedBy', {
            by: entry.replayedBy ?? '—',
            time: formatQueryTime(entry.replayedAt, timeZone),
          })}
        </Typography>
      )}
      {replay.isSuccess && (
        <Alert severity="success" sx={{ mt: 1.5 }}>
          {t('quarantine.replayDone', { result: t(`quarantine.results.${replay.data.result}`) })}
        </Alert>
      )}
      {replay.isError && (
        <Alert severity="error" sx={{ mt: 1.5, overflowWrap: 'anywhere' }}>
          {isApiError(replay.error) && replay.error.status === 400
            ? t('quarantine.stillFails', { reason: replay.error.message })
            : apiErrorMessage(replay.error, t)}
        </Alert>
      )}
    </Paper>
  )
}
