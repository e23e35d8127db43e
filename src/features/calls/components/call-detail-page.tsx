import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded'
import SearchOffRounded from '@mui/icons-material/SearchOffRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { CallBackButton } from '@/components/ui/call-back-slot'
import { MessageState } from '@/components/ui/message-state'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { useLanguage } from '@/hooks/use-language'
import { useCall } from '../api/get-call'
import type { PlayerSlot } from '../utils/recording-choice'
import { agentCell, skillCell } from '../utils/people-values'
import { relayProblem } from '../utils/relay-problem'
import { customerNumberOf } from '../utils/customer-number'
import { CallSummary } from './call-summary'
import { CdrSections } from './cdr-sections'
import { ProblemState } from './problem-state'
import { RecordingsPanel } from './recordings-panel'

interface CallDetailPageProps {
  callId: string
  /** Whether the role may play and download recordings. */
  canHear: boolean
  /** The role's name, to say why there is no player. */
  roleLabel: string
  renderPlayer: (slot: PlayerSlot) => ReactNode
}

/** `/calls/:callId`: one call's record (§4.4) in words, its recordings (§4.2) and the player. */
export function CallDetailPage({ callId, canHear, roleLabel, renderPlayer }: CallDetailPageProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const location = useLocation()
  const call = useCall(callId)
  const from = (location.state as { from?: unknown } | null)?.from
  const back = typeof from === 'string' && from.startsWith('/') ? from : '/calls'
  const problem = call.error ? relayProblem(call.error, language) : null
  const agent = call.data
    ? agentCell(call.data, (name, id) => t('callRecords.agentColumn', { name, id }))
    : null
  const skill = call.data ? skillCell(call.data) : null
  const customer = call.data ? customerNumberOf(call.data) : null

  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Box sx={{ maxWidth: 1280, mx: 'auto', px: { xs: 2, md: 3 }, pt: 1.5, pb: 4 }}>
        <Button
          component={Link}
          to={back}
          startIcon={<ArrowBackRounded />}
          size="small"
          sx={{ mb: 1 }}
        >
          {t('callDetail.back')}
        </Button>
        <Typography variant="h1" component="h1" sx={{ mb: 0.5 }}>
          {t('callDetail.title')}
        </Typography>
        {agent && (
          <Typography variant="h2" component="p" sx={{ mb: 0.25 }}>
            {t('callDetail.agent', { agent })}
            {skill && (
              <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                {' · '}
                {t('callDetail.skill', { skill })}
              </Box>
            )}
          </Typography>
        )}
        <Typography
          variant="body2"
          sx={{ color: 'text.secondary', fontFamily: 'monospace', overflowWrap: 'anywhere', mb: 2 }}
        >
          {callId}
        </Typography>

        {problem?.kind === 'notFound' ? (
          <Paper variant="outlined">
            <MessageState
              icon={<SearchOffRounded />}
              title={t('callDetail.notFoundTitle')}
              body={problem.text ?? t('callDetail.notFoundBody')}
              action={
                <Button component={Link} to={back} variant="outlined">
                  {t('callDetail.back')}
                </Button>
              }
            />
          </Paper>
        ) : problem ? (
          <Paper variant="outlined">
            <ProblemState
              title={t('callDetail.errorTitle')}
              problem={problem}
              onRetry={() => void call.refetch()}
            />
          </Paper>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            {call.data ? (
              <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
                <CallSummary cdr={call.data} />
                {customer && (
                  <CallBackButton customerPhone={customer} forCallId={callId} variant="button" />
                )}
              </Box>
            ) : (
              <Box>
                <Box component="span" role="status" sx={VISUALLY_HIDDEN}>
                  {t('callDetail.loading')}
                </Box>
                <Skeleton variant="text" width={420} animation="wave" aria-hidden />
              </Box>
            )}
            <RecordingsPanel
              callId={callId}
              canHear={canHear}
              roleLabel={roleLabel}
              renderPlayer={renderPlayer}
            />
            <Paper variant="outlined" sx={{ p: { xs: 2, md: 2.5 } }}>
              {call.data ? (
                <CdrSections cdr={call.data} />
              ) : (
                <Box aria-hidden>
                  {Array.from({ length: 6 }, (_, i) => (
                    <Skeleton key={i} variant="text" animation="wave" />
                  ))}
                </Box>
              )}
            </Paper>
          </Box>
        )}
      </Box>
    </Box>
  )
}
