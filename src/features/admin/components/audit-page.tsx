import FileDownloadRounded from '@mui/icons-material/FileDownloadRounded'
import ReceiptLongRounded from '@mui/icons-material/ReceiptLongRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableContainer from '@mui/material/TableContainer'
import TablePagination from '@mui/material/TablePagination'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'
import { MessageState } from '@/components/ui/message-state'
import { useLanguage } from '@/hooks/use-language'
import { auditCsvUrl, useAudit } from '../api/get-audit'
import { useAuditFilters } from '../hooks/use-audit-filters'
import { PAGE_SIZES, auditQueryOf, hasAuditFilters } from '../utils/audit-filters'
import { LoadFailed, MessageRow, SkeletonRows } from './admin-table-states'
import { AuditFiltersBar } from './audit-filters-bar'
import { AUDIT_COLUMNS, AuditTable, AuditTableHead } from './audit-table'
import { PageHeader } from './page-header'

/** Zone the platform's clocks read; the log is shown, filtered and exported in it. */
const TZ = DEFAULT_PLATFORM_TZ

/** `/admin/audit`: every supervisor action, filtered by the URL, paged by the relay. */
export function AuditPage() {
  const { t } = useTranslation('admin')
  const language = useLanguage()
  // The table is wider than the page: a focus stop, so the keyboard can scroll it sideways.
  const scrollRegion = {
    tabIndex: 0,
    role: 'region',
    'aria-label': t('a11y.scrollRegion', { label: t('audit.tableLabel') }),
    sx: { '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } },
  } as const
  const [filters, setFilters] = useAuditFilters(TZ)
  const query = useMemo(() => auditQueryOf(filters, TZ), [filters])
  const audit = useAudit(query)
  const total = audit.data?.total
  const entries = audit.data?.entries ?? []
  const filtered = hasAuditFilters(filters)

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        aside={total !== undefined ? t('audit.count', { count: total }) : undefined}
        action={
          <Tooltip title={t('audit.exportHint')} describeChild>
            <Button
              variant="outlined"
              startIcon={<FileDownloadRounded />}
              href={auditCsvUrl(query, language)}
              download
            >
              {t('audit.exportCsv')}
            </Button>
          </Tooltip>
        }
      />
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      <Paper variant="outlined" sx={{ overflow: 'hidden', position: 'relative' }}>
        {audit.isFetching && audit.isPlaceholderData && (
          <LinearProgress sx={{ position: 'absolute', inset: '0 0 auto 0', zIndex: 3 }} />
        )}
        {entries.length > 0 ? (
          <TableContainer
            {...scrollRegion}
            sx={{ ...scrollRegion.sx, maxHeight: 'calc(100dvh - 330px)' }}
          >
            <AuditTable entries={entries} timeZone={TZ} />
          </TableContainer>
        ) : (
          <TableContainer {...scrollRegion}>
            <Table size="small" aria-label={t('audit.tableLabel')} sx={{ minWidth: 1500 }}>
              <AuditTableHead />
              <TableBody>
                {audit.isPending ? (
                  <SkeletonRows columns={AUDIT_COLUMNS} label={t('audit.loading')} />
                ) : (
                  <MessageRow columns={AUDIT_COLUMNS}>
                    <Box sx={{ position: 'sticky', left: 0, width: 'min(100vw - 64px, 1230px)' }}>
                      {audit.isError ? (
                        <LoadFailed
                          title={t('audit.errorTitle')}
                          onRetry={() => void audit.refetch()}
                        />
                      ) : filtered ? (
                        <MessageState
                          icon={<ReceiptLongRounded />}
                          title={t('audit.noMatchTitle')}
                          body={t('audit.noMatchBody')}
                        />
                      ) : (
                        <MessageState
                          icon={<ReceiptLongRounded />}
                          title={t('audit.emptyTitle')}
                          body={t('audit.emptyBody')}
                        />
                      )}
                    </Box>
                  </MessageRow>
                )}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            flexWrap: 'wrap',
            borderTop: 1,
            borderColor: 'divider',
            pl: 2,
          }}
        >
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('audit.timeZoneNote', { tz: TZ })}
          </Typography>
          <TablePagination
            component="div"
            count={total ?? 0}
            page={
              total !== undefined && filters.page * filters.pageSize >= total ? 0 : filters.page
            }
            rowsPerPage={filters.pageSize}
            rowsPerPageOptions={[...PAGE_SIZES]}
            onPageChange={(_, page) => setFilters({ page })}
            onRowsPerPageChange={(e) => setFilters({ pageSize: Number(e.target.value) })}
            labelRowsPerPage={t('audit.rowsPerPage')}
            labelDisplayedRows={({ from, to, count }) => t('audit.pageRange', { from, to, count })}
            sx={{ ml: 'auto', borderBottom: 0 }}
          />
        </Box>
      </Paper>
    </>
  )
}
