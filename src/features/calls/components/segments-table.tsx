import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import { SEGMENT_COLUMNS } from '../utils/cdr-fields'
import { formatValue } from '../utils/cdr-values'

/**
 * The call's segments (IVR, queue, agent…), when the platform sends them: the usual fields
 * first, then whatever else the segments carry, under its own name.
 */
export function SegmentsTable({ segments }: { segments: readonly Record<string, unknown>[] }) {
  const { t } = useTranslation('calls')
  const words = { yes: t('callDetail.yes'), no: t('callDetail.no') }
  const known = SEGMENT_COLUMNS.filter((c) => segments.some((s) => c.field in s))
  const knownNames: ReadonlySet<string> = new Set(SEGMENT_COLUMNS.map((c) => c.field))
  const extra = [...new Set(segments.flatMap((s) => Object.keys(s)))].filter(
    (k) => !knownNames.has(k),
  )
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('callDetail.segments')}>
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            {known.map((c) => (
              <TableCell key={c.field}>{t(`callDetail.segmentFields.${c.field}`)}</TableCell>
            ))}
            {extra.map((k) => (
              <TableCell key={k}>{k}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {segments.map((s, i) => (
            <TableRow key={i}>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{i + 1}</TableCell>
              {known.map((c) => (
                <TableCell
                  key={c.field}
                  sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                >
                  {formatValue(s[c.field], c.kind, words)}
                </TableCell>
              ))}
              {extra.map((k) => (
                <TableCell key={k}>{formatValue(s[k], 'text', words)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
