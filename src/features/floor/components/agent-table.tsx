import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import { DataGrid, type GridSortModel } from '@mui/x-data-grid'
import { enUS, zhCN } from '@mui/x-data-grid/locales'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableGroup } from '@/shared/preferences'
import { apiErrorMessage } from '@/lib/api-error-message'
import { useLanguage } from '@/hooks/use-language'
import { useTableColumns } from '../hooks/use-table-columns'
import { useTableRows } from '../hooks/use-table-rows'
import { useTileSlots } from '../hooks/use-tile-slots'
import { SORT_FIELDS, type SortField, type TableRow, type TableSort } from '../utils/table-rows'
import { TableGroupSelect } from './table-group-select'

/** Row and header heights, px: dense enough for 30 agents in 1080 px, still readable. */
export const TABLE_ROW_HEIGHT = 28
const TABLE_HEADER_HEIGHT = 32

interface AgentTableProps {
  /** The agents the floor shows, filtered, in the floor's order (used until a column is sorted). */
  ids: readonly string[]
  onOpen: (id: string) => void
  group: TableGroup
  onGroupChange: (group: TableGroup) => void
  /** Render every row (tests: jsdom lays nothing out, so the grid would virtualise them all away). */
  disableVirtualization?: boolean
}

function isSortField(field: string): field is SortField {
  return (SORT_FIELDS as readonly string[]).includes(field)
}

/**
 * The floor as a table: one row per agent, sortable by every column, optionally grouped by
 * department or skill group with subtotals. MUI X Data Grid (MIT) gives virtual rows, one Tab
 * stop with arrow keys inside, and sort headers; row grouping and aggregation are in its
 * Premium plan only, so this table sorts and groups the rows itself (`sortingMode="server"`)
 * and draws each group's header as a row spanning every column.
 */
export function AgentTable({
  ids,
  onOpen,
  group,
  onGroupChange,
  disableVirtualization = false,
}: AgentTableProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { openMenu } = useTileSlots()
  const [sortModel, setSortModel] = useState<GridSortModel>([])
  const sort = useMemo<TableSort | null>(() => {
    const item = sortModel[0]
    return item?.sort && isSortField(item.field)
      ? { field: item.field, direction: item.sort }
      : null
  }, [sortModel])
  const { rows, statsError } = useTableRows(ids, sort, group)
  const columns = useTableColumns(group)
  const localeText = (language === 'zh' ? zhCN : enUS).components.MuiDataGrid.defaultProps
    .localeText

  const agentOf = useCallback((row: TableRow) => (row.kind === 'agent' ? row.id : null), [])

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          px: 1.5,
          py: 0.5,
          flexWrap: 'wrap',
        }}
      >
        <TableGroupSelect value={group} onChange={onGroupChange} />
        <Box
          component="p"
          sx={{ m: 0, flex: 1, minWidth: 240, fontSize: '0.75rem', color: 'text.secondary' }}
        >
          {t('floorTable.definitions')}
        </Box>
      </Box>
      {statsError !== null && (
        <Alert severity="warning" sx={{ mx: 1.5, mb: 0.5, py: 0 }}>
          {t('floorTable.statsUnavailable', { message: apiErrorMessage(statsError, t) })}
        </Alert>
      )}
      <Box sx={{ flex: 1, minHeight: 0, position: 'relative' }}>
        <Box sx={{ position: 'absolute', inset: 0 }}>
          <DataGrid<TableRow>
            aria-label={t('floorTable.label')}
            rows={rows}
            columns={columns}
            getRowId={(row) => row.id}
            rowHeight={TABLE_ROW_HEIGHT}
            columnHeaderHeight={TABLE_HEADER_HEIGHT}
            sortingMode="server"
            sortModel={sortModel}
            onSortModelChange={setSortModel}
            disableColumnMenu
            disableColumnFilter
            disableRowSelectionOnClick
            disableVirtualization={disableVirtualization}
            hideFooter
            localeText={localeText}
            getRowClassName={({ row }) =>
              row.kind === 'group' ? 'group-row' : `family-${row.family}`
            }
            onRowClick={(params, event) => {
              const id = agentOf(params.row as TableRow)
              if (!id) return
              // As a tile: supervisors get the action menu at the pointer, others the details.
              if (openMenu) openMenu(id, { kind: 'point', top: event.clientY, left: event.clientX })
              else onOpen(id)
            }}
            onCellKeyDown={(params, event) => {
              const id = agentOf(params.row as TableRow)
              if (!id) return
              if (event.key === 'Enter') {
                event.preventDefault()
                onOpen(id)
              } else if (
                openMenu &&
                (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))
              ) {
                event.preventDefault()
                openMenu(id, { kind: 'element', element: event.currentTarget })
              }
            }}
            sx={{
              border: 0,
              fontSize: '0.8125rem',
              '& .MuiDataGrid-row': { cursor: 'pointer' },
              '& .group-row': { cursor: 'default', bgcolor: 'action.hover' },
              '& .numeric': { fontVariantNumeric: 'tabular-nums' },
              '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600, fontSize: '0.75rem' },
              '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': {
                outline: '2px solid',
                outlineColor: 'primary.main',
                outlineOffset: -2,
              },
            }}
          />
        </Box>
      </Box>
    </Box>
  )
}
