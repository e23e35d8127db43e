import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '@/shared/audit'
import { formatQueryTime } from '@/shared/platform-time'
import { shortCallId } from '@/lib/format'

export const AUDIT_COLUMNS = 13

/** Wide enough for every column; narrower screens scroll sideways. */
const AUDIT_TABLE_SX = {
  minWidth: 1500,
  '& th': { whiteSpace: 'nowrap' },
  '& td': { verticalAlign: 'top' },
} as const

const OUTCOME_COLOR = { ok: 'success', refused: 'warning', failed: 'error' } as const

export function AuditTableHead() {
  const { t } = useTranslation('admin')
  const columns = [
    t('audit.time'),
    t('audit.user'),
    t('audit.op'),
    t('audit.agent'),
    t('audit.agentDevice'),
    t('audit.call'),
    t('audit.reason'),
    t('audit.supervisorDevice'),
    t('audit.outcome'),
    t('audit.status'),
    t('audit.upstreamStatus'),
    t('audit.message'),
    t('audit.latency'),
  ]
  return (
    <TableHead>
      <TableRow>
        {columns.map((label, i) => (
          <TableCell key={label} align={i === 9 || i === 10 || i === 12 ? 'right' : 'left'}>
            {label}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  )
}

interface AuditTableProps {
  entries: readonly AuditEntry[]
  /** Zone of the platform: the times are shown as its clocks read. */
  timeZone: string
}

/** Every attempt, refused ones too: who did what to whom, and what the platform said. */
export function AuditTable({ entries, timeZone }: AuditTableProps) {
  const { t } = useTranslation('admin')
  return (
    <Table size="small" aria-label={t('audit.tableLabel')} stickyHeader sx={AUDIT_TABLE_SX}>
      <AuditTableHead />
      <TableBody>
        {entries.map((e) => (
          <AuditRow key={e.id} entry={e} timeZone={timeZone} />
        ))}
      </TableBody>
    </Table>
  )
}

function AuditRow({ entry: e, timeZone }: { entry: AuditEntry; timeZone: string }) {
  const { t } = useTranslation('admin')
  const none = (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      —
    </Box>
  )
  const or = (value: ReactNode | null) => (value === null || value === '' ? none : value)
  const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }
  return (
    <TableRow hover>
      <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {formatQueryTime(e.at, timeZone)}
      </TableCell>
      <TableCell sx={{ fontWeight: 500 }}>{e.username}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`audit.ops.${e.op}`)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.agentId}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{or(e.deviceId)}</TableCell>
      <TableCell title={e.callId ?? undefined}>
        {e.callId ? (
          <Box component="span" sx={{ ...mono, fontSize: '0.75rem' }}>
            {shortCallId(e.callId)}
          </Box>
        ) : (
          none
        )}
      </TableCell>
      <TableCell sx={{ maxWidth: 180, overflowWrap: 'anywhere' }}>{or(e.reason)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{or(e.supervisorDevice)}</TableCell>
      <TableCell>
        <Chip
          size="small"
          variant="outlined"
          color={OUTCOME_COLOR[e.outcome]}
          label={t(`audit.outcomes.${e.outcome}`)}
        />
      </TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {e.status}
      </TableCell>
      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {or(e.upstreamStatus)}
      </TableCell>
      <TableCell sx={{ minWidth: 200, maxWidth: 320, overflowWrap: 'anywhere' }}>
        {or(e.message)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {e.latencyMs === null ? none : t('audit.latencyMs', { ms: e.latencyMs })}
      </TableCell>
    </TableRow>
  )
}
