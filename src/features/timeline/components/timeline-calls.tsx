import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, useLocation } from 'react-router'
import type { CallSummary } from '@/shared/floor'
import { formatClock, formatSeconds } from '@/lib/format'
import type { Messages } from '@/locales/zh'
import { compactTableSx } from './table-styles'

type EndReason = keyof Messages['endReasons']

/**
 * The agent's calls today, newest first: when, who called, how long they talked, how it ended.
 * Each opens the call's page, where its recording plays (and "back" returns to the floor).
 */
export function TimelineCalls({ calls, labelId }: { calls: CallSummary[]; labelId: string }) {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const from = `${location.pathname}${location.search}`
  const endReason = (call: CallSummary) => {
    const reason = call.endReason
    if (!reason) return call.hangupCause ?? '—'
    return i18n.exists(`endReasons.${reason}`) ? t(`endReasons.${reason as EndReason}`) : reason
  }
  const sorted = [...calls].sort(
    (a, b) => (b.answerTime ?? b.startTime ?? 0) - (a.answerTime ?? a.startTime ?? 0),
  )
  return (
    <Box component="table" aria-labelledby={labelId} sx={compactTableSx}>
      <thead>
        <tr>
          <th scope="col">{t('timeline.callTime')}</th>
          <th scope="col">{t('timeline.caller')}</th>
          <th scope="col">{t('timeline.talk')}</th>
          <th scope="col">{t('timeline.endReason')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((call) => {
          const at = call.answerTime ?? call.startTime
          const time = at !== null ? formatClock(at) : '—'
          const caller = call.customerPhone ?? call.ani ?? t('calls.unknownCaller')
          return (
            <tr key={call.callId}>
              <td>
                <Link
                  component={RouterLink}
                  to={`/calls/${encodeURIComponent(call.callId)}`}
                  state={{ from }}
                  aria-label={t('timeline.callLink', { time, caller })}
                  sx={{ fontWeight: 500 }}
                >
                  {time}
                </Link>
              </td>
              <Box
                component="td"
                title={caller}
                sx={{ maxWidth: 130, overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {caller}
              </Box>
              <td>{formatSeconds(call.talkSec)}</td>
              <Box
                component="td"
                sx={{ maxWidth: 110, overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {endReason(call)}
              </Box>
            </tr>
          )
        })}
      </tbody>
    </Box>
  )
}
