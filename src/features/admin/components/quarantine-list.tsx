import LockRounded from '@mui/icons-material/LockRounded'
import VerifiedRounded from '@mui/icons-material/VerifiedRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TablePagination from '@mui/material/TablePagination'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'
import { QUARANTINE_PAGE_SIZE } from '@/shared/webhook-quarantine'
import { MessageState } from '@/components/ui/message-state'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { isApiError } from '@/lib/api-client'
import { useQuarantine } from '../api/get-quarantine'
import { LoadFailed } from './admin-table-states'
import { QuarantineEntryCard } from './quarantine-entry-card'

/** Zone the platform's clocks read; arrival times are shown in it. */
const TZ = DEFAULT_PLATFORM_TZ
const PAGE_SIZES = [10, QUARANTINE_PAGE_SIZE, 50] as const

/**
 * The tenant's quarantined webhooks, newest first, a page at a time: each with its reason and
 * body, and a replay.
 */
export function QuarantineList({ headingId }: { headingId: string }) {
  const { t } = useTranslation('admin')
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>({
    page: 0,
    pageSize: QUARANTINE_PAGE_SIZE,
  })
  const list = useQuarantine(paging)
  const data = list.data
  const forbidden = isApiError(list.error) && list.error.status === 403

  let content
  if (list.isPending) {
    content = (
      <Stack spacing={1.5} aria-busy>
        <Box role="status" sx={VISUALLY_HIDDEN}>
          {t('quarantine.loading')}
        </Box>
        {[0, 1].map((i) => (
          <Skeleton key={i} variant="rounded" height={120} animation="wave" aria-hidden />
        ))}
      </Stack>
    )
  } else if (forbidden) {
    content = (
      <Paper variant="outlined">
        <MessageState
          icon={<LockRounded />}
          title={t('quarantine.forbiddenTitle')}
          body={t('quarantine.forbiddenBody')}
        />
      </Paper>
    )
  } else if (list.isError || !data) {
    content = (
      <Paper variant="outlined">
        <LoadFailed title={t('quarantine.errorTitle')} onRetry={() => void list.refetch()} />
      </Paper>
    )
  } else if (data.entries.length === 0) {
    content = (
      <Paper variant="outlined">
        <MessageState
          icon={<VerifiedRounded />}
          title={t('quarantine.emptyTitle')}
          body={t('quarantine.emptyBody')}
        />
      </Paper>
    )
  } else {
    content = (
      <Stack spacing={1.5} sx={{ position: 'relative' }}>
        {list.isFetching && list.isPlaceholderData && (
          <LinearProgress sx={{ position: 'absolute', inset: '-8px 0 auto 0' }} />
        )}
        {data.entries.map((entry) => (
          <QuarantineEntryCard key={entry.id} entry={entry} timeZone={TZ} />
        ))}
      </Stack>
    )
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', mb: 1, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="h2" component="h2">
          {t('quarantine.title')}
        </Typography>
        {data && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('quarantine.counts', { pending: data.pending, total: data.total })}
          </Typography>
        )}
      </Stack>
      <Alert severity="info" sx={{ mb: 1.5 }}>
        {t('quarantine.intro')}
      </Alert>
      {data && data.dropped > 0 && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {t('quarantine.dropped', { count: data.dropped })}
        </Alert>
      )}
      {content}
      {data && data.total > 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('audit.timeZoneNote', { tz: TZ })}
          </Typography>
          <TablePagination
            component="div"
            count={data.total}
            page={paging.page * paging.pageSize >= data.total ? 0 : paging.page}
            rowsPerPage={paging.pageSize}
            rowsPerPageOptions={[...PAGE_SIZES]}
            onPageChange={(_, page) => setPaging((p) => ({ ...p, page }))}
            onRowsPerPageChange={(e) => setPaging({ page: 0, pageSize: Number(e.target.value) })}
            labelRowsPerPage={t('audit.rowsPerPage')}
            labelDisplayedRows={({ from, to, count }) => t('audit.pageRange', { from, to, count })}
            sx={{ ml: 'auto', borderBottom: 0 }}
          />
        </Box>
      )}
    </Box>
  )
}
