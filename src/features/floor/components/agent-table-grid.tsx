import {
  DataGrid,
  type GridCellParams,
  type GridColDef,
  type GridRowParams,
  type GridSortModel,
} from '@mui/x-data-grid'
import { enUS, zhCN } from '@mui/x-data-grid/locales'
import { type KeyboardEvent, type MouseEvent, memo, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import type { TileMenuAnchor } from './floor-slots'
import type { TableRow } from '../utils/table-rows'

/** Row and header heights, px: dense enough for 30 agents in 1080 px, still readable. */
export const TABLE_ROW_HEIGHT = 28
const TABLE_HEADER_HEIGHT = 44 // px: room for a header on two lines

const rowIdOf = (row: TableRow) => row.id
const rowClassOf = ({ row }: { row: TableRow }) =>
  row.kind === 'group' ? 'group-row' : `family-${row.family}`
const agentOf = (row: TableRow) => (row.kind === 'agent' ? row.id : null)

const GRID_SX = {
  border: 0,
  fontSize: '0.8125rem',
  '& .MuiDataGrid-row': { cursor: 'pointer' },
  '& .group-row': { cursor: 'default', bgcolor: 'action.hover' },
  '& .numeric': { fontVariantNumeric: 'tabular-nums' },
  // A long header wraps onto a second line rather than losing its end ("Avg. handle t…").
  '& .MuiDataGrid-columnHeaderTitle': {
    fontWeight: 600,
    fontSize: '0.75rem',
    whiteSpace: 'normal',
    lineHeight: 1.15,
  },
  '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': {
    outline: '2px solid',
    outlineColor: 'primary.main',
    outlineOffset: -2,
  },
} as const

interface AgentTableGridProps {
  rows: TableRow[]
  columns: GridColDef<TableRow>[]
  sortModel: GridSortModel
  onSortModelChange: (model: GridSortModel) => void
  onOpen: (id: string) => void
  openMenu?: ((agentId: string, anchor: TileMenuAnchor) => void) | undefined
  disableVirtualization: boolean
}

/**
 * The grid itself, memoised with stable props: the floor redraws its parent on every batch,
 * and the grid must only redraw when its rows, columns or sort change.
 */
export const AgentTableGrid = memo(function AgentTableGrid({
  rows,
  columns,
  sortModel,
  onSortModelChange,
  onOpen,
  openMenu,
  disableVirtualization,
}: AgentTableGridProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const localeText = (language === 'zh' ? zhCN : enUS).components.MuiDataGrid.defaultProps
    .localeText

  const onRowClick = useCallback(
    (params: GridRowParams<TableRow>, event: MouseEvent) => {
      const id = agentOf(params.row)
      if (!id) return
      // As a tile: supervisors get the action menu at the pointer, others the details.
      if (openMenu) openMenu(id, { kind: 'point', top: event.clientY, left: event.clientX })
      else onOpen(id)
    },
    [onOpen, openMenu],
  )

  const onCellKeyDown = useCallback(
    (params: GridCellParams<TableRow>, event: KeyboardEvent<HTMLElement>) => {
      const id = agentOf(params.row)
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
    },
    [onOpen, openMenu],
  )

  return (
    <DataGrid<TableRow>
      aria-label={t('floorTable.label')}
      rows={rows}
      columns={columns}
      getRowId={rowIdOf}
      rowHeight={TABLE_ROW_HEIGHT}
      columnHeaderHeight={TABLE_HEADER_HEIGHT}
      sortingMode="server"
      sortModel={sortModel}
      onSortModelChange={onSortModelChange}
      disableColumnMenu
      disableColumnFilter
      disableRowSelectionOnClick
      disableVirtualization={disableVirtualization}
      hideFooter
      localeText={localeText}
      getRowClassName={rowClassOf}
      onRowClick={onRowClick}
      onCellKeyDown={onCellKeyDown}
      sx={GRID_SX}
    />
  )
})
