import CallEndRounded from '@mui/icons-material/CallEndRounded'
import CallMissedRounded from '@mui/icons-material/CallMissedRounded'
import EastRounded from '@mui/icons-material/EastRounded'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CallSummary } from '@/shared/floor'
import { CallBackButton } from '@/components/ui/call-back-slot'
import { RepeatCallerFlag } from '@/components/ui/repeat-caller-flag'
import { formatClock, formatSeconds, localPart } from '@/lib/format'
import { useSkillName } from '@/hooks/use-skill-names'
import { useEndReasonLabel } from '../hooks/use-end-reason-label'
import { useFloorStore } from '../stores/floor-store'
import { isAbandonedCall, newestFirst } from '../utils/calls'

/** The calls that ended last, newest first. */
export function LatestCalls() {
  const { t } = useTranslation()
  const calls = useFloorStore((s) => s.latestCalls)
  const loaded = useFloorStore((s) => s.loaded)
  if (!loaded) return null // the figures above already say we are waiting
  if (calls.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 2, textAlign: 'center' }}>
        {t('calls.empty')}
      </Typography>
    )
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {newestFirst(calls).map((call) => (
        <CallRow key={`${call.callId}-${call.endTime ?? ''}`} call={call} />
      ))}
    </Box>
  )
}

const CallRow = memo(function CallRow({ call }: { call: CallSummary }) {
  const { t } = useTranslation()
  const endReasonLabel = useEndReasonLabel()
  const skillName = useSkillName()
  const agentName = useFloorStore((s) => (call.agentId ? s.agents[call.agentId]?.name : null))
  const abandoned = isAbandonedCall(call)
  const from = call.customerPhone ?? call.ani ?? t('calls.unknownCaller')
  const to = call.agentId ? (agentName ?? localPart(call.agentId)) : t('calls.noAgent')
  const time = call.endTime !== null ? formatClock(call.endTime) : '—'
  const reason = call.endReason ? endReasonLabel(call.endReason) : (call.hangupCause ?? '')
  const Icon = abandoned ? CallMissedRounded : CallEndRounded
  return (
    // A plain link to the call's page (record, recordings, player): the floor knows no more of it.
    <Box
      component="li"
      sx={{
        '& + li': { borderTop: '1px solid', borderTopColor: 'divider' },
        borderLeft: 3,
        borderColor: abandoned ? 'error.main' : 'transparent',
        bgcolor: abandoned ? 'family.notReady.bg' : undefined,
        // The call back sits beside the link to the call (a button cannot be inside a link).
        display: 'flex',
        alignItems: 'center',
      }}
    >
      <Box
        component={Link}
        to={`/calls/${encodeURIComponent(call.callId)}`}
        aria-label={t('calls.item', { time, from, to })}
        sx={{
          color: 'inherit',
          textDecoration: 'none',
          flex: 1,
          minWidth: 0,
          borderRadius: 0.5,
          '&:hover': { bgcolor: 'action.hover' },
          '&:focus-visible': {
            outline: '2px solid',
            outlineColor: 'primary.main',
            outlineOffset: -2,
          },
          display: 'grid',
          gridTemplateColumns: '20px 1fr auto',
          columnGap: 1,
          rowGap: 0.25,
          alignItems: 'center',
          px: 1,
          py: 0.75,
          fontSize: '0.8125rem',
        }}
      >
        <Icon
          aria-hidden
          sx={{ fontSize: 18, color: abandoned ? 'error.main' : 'text.secondary' }}
        />
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 0.75,
            minWidth: 0,
            whiteSpace: 'nowrap',
          }}
        >
          <Box
            component="span"
            sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}
          >
            {time}
          </Box>
          <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={from}>
            {from}
          </Box>
          <EastRounded aria-hidden sx={{ fontSize: 14, color: 'text.disabled', flexShrink: 0 }} />
          <Box
            component="span"
            sx={{ overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 500 }}
            title={call.agentId ?? undefined}
          >
            {to}
          </Box>
        </Box>
        <Box
          component="span"
          sx={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right', minWidth: '5ch' }}
          title={t('calls.talk')}
        >
          {formatSeconds(call.talkSec)}
        </Box>
        <Box
          sx={{
            gridColumn: '2 / 4',
            display: 'flex',
            gap: 1,
            minWidth: 0,
            fontSize: '0.75rem',
            color: 'text.secondary',
            whiteSpace: 'nowrap',
          }}
        >
          {call.skillId && (
            <span title={call.skillId}>
              {t('calls.skill')} {skillName(call.skillId)}
            </span>
          )}
          {reason && (
            <Box
              component="span"
              sx={{
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                color: abandoned ? 'error.main' : undefined,
                fontWeight: abandoned ? 600 : undefined,
              }}
            >
              {reason}
            </Box>
          )}
        </Box>
      </Box>
      {/* Beside the link to the call, as the call back: a link to the number's calls of the day. */}
      {call.callerCallsToday ? (
        <RepeatCallerFlag
          count={call.callerCallsToday}
          number={call.customerPhone ?? call.ani}
          at={call.startTime ?? call.endTime}
        />
      ) : null}
      <CallBackButton
        customerPhone={call.customerPhone ?? (call.callType === 'Inbound' ? call.ani : null) ?? ''}
        forCallId={call.callId}
      />
    </Box>
  )
})
