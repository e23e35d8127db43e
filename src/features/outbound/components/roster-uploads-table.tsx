import HistoryRounded from '@mui/icons-material/HistoryRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Skeleton from '@mui/material/Skeleton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'react-router'
import { MessageState } from '@/components/ui/message-state'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useLanguage } from '@/hooks/use-language'
import { useRosterUploads } from '../api/get-roster-uploads'
import { batchCallsUrl } from '../utils/roster-link'

/** The tenant's past call-list uploads, newest first, each linking to its robot calls. */
export function RosterUploadsTable() {
  const { t } = useTranslation('outbound')
  const uploads = useRosterUploads()
  const locale = htmlLang(useLanguage())
  if (uploads.isPending) {
    return (
      <div>
        <Box component="span" role="status" sx={VISUALLY_HIDDEN}>
          {t('roster.pastLoading')}
        </Box>
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} variant="text" animation="wave" aria-hidden />
        ))}
      </div>
    )
  }
  if (uploads.isError) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void uploads.refetch()}>
            {t('roster.retry')}
          </Button>
        }
      >
        {t('roster.pastFailed')}
      </Alert>
    )
  }
  if (uploads.data.length === 0) {
    return (
      <MessageState
        icon={<HistoryRounded />}
        title={t('roster.pastEmptyTitle')}
        body={t('roster.pastEmptyBody')}
      />
    )
  }
  // Calls up to when the list was fetched (it is fetched again after each upload).
  const now = uploads.dataUpdatedAt
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" aria-label={t('roster.pastTitle')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('roster.past.batchId')}</TableCell>
            <TableCell>{t('roster.past.batchName')}</TableCell>
            <TableCell>{t('roster.past.alias')}</TableCell>
            <TableCell align="right">{t('roster.past.entries')}</TableCell>
            <TableCell>{t('roster.past.by')}</TableCell>
            <TableCell>{t('roster.past.at')}</TableCell>
            <TableCell>{t('roster.past.calls')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {uploads.data.map((u) => (
            <TableRow key={u.batchId}>
              <TableCell sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {u.batchId}
              </TableCell>
              <TableCell>{u.batchName}</TableCell>
              <TableCell>{u.alias ?? '—'}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {u.entries}
              </TableCell>
              <TableCell>{u.username}</TableCell>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatDateTime(u.uploadedAt, locale)}
              </TableCell>
              <TableCell>
                <Link component={RouterLink} to={batchCallsUrl(u, now)}>
                  {t('roster.past.open', { name: u.batchName })}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
