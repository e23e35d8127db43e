import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { RosterCheck, RosterEntry } from '@/shared/outbound'

/** Lines the preview shows: enough to see the file is the right one. */
export const PREVIEW_LINES = 50

type PreviewRow =
  | { line: number; kind: 'good'; entry: RosterEntry }
  | { line: number; kind: 'bad'; text: string; reason: string }

/** The first lines of a call list as the platform will read them, each bad one marked. */
export function RosterPreview({ check }: { check: RosterCheck }) {
  const { t } = useTranslation('outbound')
  const rows: PreviewRow[] = [
    ...check.entries.map((entry) => ({ line: entry.line, kind: 'good' as const, entry })),
    ...check.bad.map((b) => ({
      line: b.line,
      kind: 'bad' as const,
      text: b.text,
      reason: t(`roster.problems.${b.problem}`),
    })),
  ]
    .sort((a, b) => a.line - b.line)
    .slice(0, PREVIEW_LINES)
  const total = check.entries.length + check.bad.length
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {total > PREVIEW_LINES
          ? t('roster.previewFirst', { lines: PREVIEW_LINES, total })
          : t('roster.previewAll')}
      </Typography>
      <TableContainer sx={{ maxHeight: 420, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label={t('roster.previewLabel')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '6ch' }}>{t('roster.col.line')}</TableCell>
              <TableCell>{t('roster.col.rosterId')}</TableCell>
              <TableCell>{t('roster.col.prdType')}</TableCell>
              <TableCell>{t('roster.col.number')}</TableCell>
              <TableCell>{t('roster.col.customerId')}</TableCell>
              <TableCell>{t('roster.col.data')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) =>
              row.kind === 'good' ? (
                <TableRow key={row.line}>
                  <TableCell sx={{ color: 'text.secondary' }}>{row.line}</TableCell>
                  <TableCell>{row.entry.rosterId}</TableCell>
                  <TableCell>{row.entry.prdType}</TableCell>
                  <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {row.entry.number}
                  </TableCell>
                  <TableCell>{row.entry.customerId ?? ''}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    {Object.entries(row.entry.data)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(' · ')}
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow
                  key={row.line}
                  data-bad-line={row.line}
                  sx={{
                    bgcolor: 'family.notReady.bg',
                    '& td': { color: 'error.main', borderLeft: 0 },
                    '& td:first-of-type': { borderLeft: 3, borderLeftColor: 'error.main' },
                  }}
                >
                  <TableCell>{row.line}</TableCell>
                  <TableCell colSpan={5}>
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {t('roster.badMark', { reason: row.reason })}
                    </Box>{' '}
                    <Box
                      component="code"
                      sx={{
                        whiteSpace: 'pre-wrap',
                        overflowWrap: 'anywhere',
                        color: 'text.primary',
                      }}
                    >
                      {row.text === '' ? t('roster.emptyLine') : row.text}
                    </Box>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  )
}
