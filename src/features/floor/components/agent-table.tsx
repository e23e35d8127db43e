import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import type { GridSortModel } from '@mui/x-data-grid'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableGroup } from '@/shared/preferences'
import { apiErrorMessage } from '@/lib/api-error-message'
import { useTableColumns } from '../hooks/use-table-columns'
import { useTableRows } from '../hooks/use-table-rows'
import { useTileSlots } from '../hooks/use-tile-slots'
import { SORT_FIELDS, type SortField, type TableSort } from '../utils/table-rows'
import { AgentTableGrid } from './agent-table-grid'
import { TableGroupSelect } from './table-group-select'

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
          <AgentTableGrid
            rows={rows}
            columns={columns}
            sortModel={sortModel}
            onSortModelChange={setSortModel}
            onOpen={onOpen}
            openMenu={openMenu}
            disableVirtualization={disableVirtualization}
          />
        </Box>
      </Box>
    </Box>
  )
}
