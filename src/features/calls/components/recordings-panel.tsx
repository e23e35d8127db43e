import LockRounded from '@mui/icons-material/LockRounded'
import MicOffRounded from '@mui/icons-material/MicOffRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { MessageState } from '@/components/ui/message-state'
import { useLanguage } from '@/hooks/use-language'
import { useCallRecordings } from '../api/get-call-recordings'
import { type PlayerSlot, chooseRecording, startSecond } from '../utils/recording-choice'
import { relayProblem } from '../utils/relay-problem'
import { ProblemState } from './problem-state'
import { RecordingsTable } from './recordings-table'

interface RecordingsPanelProps {
  callId: string
  canHear: boolean
  roleLabel: string
  renderPlayer: (slot: PlayerSlot) => ReactNode
}

/** The call's recordings and, for roles that may listen, the player of the chosen one. */
export function RecordingsPanel({
  callId,
  canHear,
  roleLabel,
  renderPlayer,
}: RecordingsPanelProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const recordings = useCallRecordings(callId)
  const [params, setParams] = useSearchParams()
  const list = recordings.data ?? []
  const chosen = chooseRecording(list, params.get('rec'))
  // A link's second applies to the recording it names.
  const startAt = chosen && params.get('rec') === chosen.id ? startSecond(params.get('t')) : null
  const select = (id: string) => setParams({ rec: id }, { replace: true })

  let body: ReactNode
  if (recordings.isPending) {
    body = (
      <Box sx={{ px: 2, pb: 2 }}>
        <Typography role="status" variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {t('callDetail.recordingsLoading')}
        </Typography>
        <Skeleton variant="rounded" height={96} animation="wave" aria-hidden />
      </Box>
    )
  } else if (recordings.isError) {
    body = (
      <ProblemState
        title={t('callDetail.recordingsError')}
        problem={relayProblem(recordings.error, language)}
        onRetry={() => void recordings.refetch()}
      />
    )
  } else if (list.length === 0) {
    body = <MessageState icon={<MicOffRounded />} title={t('callDetail.noRecordings')} />
  } else {
    body = (
      <>
        {canHear && chosen ? (
          <Box sx={{ px: { xs: 1.5, md: 2 }, pb: 2 }}>
            {renderPlayer({ recording: chosen, callId, startAt })}
          </Box>
        ) : (
          <Alert severity="info" icon={<LockRounded />} sx={{ mx: 2, mb: 2 }}>
            {t('callDetail.cannotHear', { role: roleLabel })}
          </Alert>
        )}
        <RecordingsTable
          recordings={list}
          selectedId={canHear ? (chosen?.id ?? null) : null}
          onSelect={canHear && list.length > 1 ? select : undefined}
        />
      </>
    )
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="recordings-title">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, px: 2, pt: 1.5, pb: 1 }}>
        <Typography id="recordings-title" variant="h2" component="h2">
          {t('callDetail.recordings')}
        </Typography>
        {list.length > 0 && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('callDetail.recordingsCount', { count: list.length })}
          </Typography>
        )}
      </Box>
      {body}
    </Paper>
  )
}
