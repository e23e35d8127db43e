import type { GridColDef } from '@mui/x-data-grid'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableGroup } from '@/shared/preferences'
import { formatSeconds } from '@/lib/format'
import { useLanguage } from '@/hooks/use-language'
import { GroupCell, StateCell, TimeCell } from '../components/agent-table-cells'
import { StateSplitBar } from '../components/state-split-bar'
import type { AgentRow, SortField, TableRow } from '../utils/table-rows'
import { TableNameCell } from '../components/table-name-cell'

type Column = GridColDef<TableRow> & { field: SortField }

const agentOnly =
  <T,>(get: (row: AgentRow) => T) =>
  (_value: never, row: TableRow): T | null =>
    row.kind === 'agent' ? get(row) : null

/** The table's columns, each sortable (the table sorts; the grid only shows the choice). */
export function useTableColumns(group: TableGroup): Column[] {
  const { t } = useTranslation()
  const language = useLanguage()
  return useMemo(() => {
    // One formatter for every cell: building one per call is the slow part of formatting.
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })
    const numeric = { align: 'right', headerAlign: 'right', cellClassName: 'numeric' } as const
    const columns: Column[] = [
      {
        field: 'name',
        headerName: t('floorTable.name'),
        flex: 1.2,
        minWidth: 120,
        valueGetter: agentOnly((r) => r.name),
        // A group's header runs across the whole row.
        colSpan: (_value, row) => (row.kind === 'group' ? COLUMN_COUNT : undefined),
        renderCell: ({ row, value }) =>
          row.kind === 'group' && group !== 'none' ? (
            <GroupCell row={row} by={group} />
          ) : row.kind === 'agent' ? (
            <TableNameCell agentId={row.id} name={value as string} />
          ) : (
            (value as string)
          ),
      },
      {
        field: 'shortId',
        headerName: t('floorTable.id'),
        width: 76,
        valueGetter: agentOnly((r) => r.shortId),
        cellClassName: 'numeric',
      },
      {
        field: 'state',
        headerName: t('floorTable.state'),
        width: 124,
        renderCell: ({ row }) => (row.kind === 'agent' ? <StateCell row={row} /> : null),
      },
      {
        field: 'time',
        headerName: t('floorTable.timeInState'),
        width: 96,
        ...numeric,
        renderCell: ({ row }) => (row.kind === 'agent' ? <TimeCell row={row} /> : null),
      },
      {
        field: 'caller',
        headerName: t('floorTable.caller'),
        width: 124,
        // A call without a known number shows a dash; no call, nothing.
        valueGetter: agentOnly((r) => r.caller ?? (r.callId ? '—' : '')),
        cellClassName: 'numeric',
      },
      {
        field: 'skill',
        headerName: t('floorTable.skill'),
        width: 96,
        valueGetter: agentOnly((r) => r.skillName ?? '—'),
      },
      {
        field: 'dept',
        headerName: t('floorTable.dept'),
        flex: 1,
        minWidth: 110,
        valueGetter: agentOnly((r) => r.dept ?? t('floorTable.noDept')),
      },
      {
        field: 'calls',
        headerName: t('floorTable.calls'),
        width: 84,
        ...numeric,
        valueGetter: agentOnly((r) => (r.calls === null ? '—' : String(r.calls))),
      },
      {
        field: 'aht',
        headerName: t('floorTable.aht'),
        width: 100,
        ...numeric,
        valueGetter: agentOnly((r) => formatSeconds(r.ahtSec)),
      },
      {
        field: 'occupancy',
        headerName: t('floorTable.occupancy'),
        width: 104, // "Occupancy" and its sort arrow
        ...numeric,
        valueGetter: agentOnly((r) => (r.occupancy === null ? '—' : percent.format(r.occupancy))),
      },
      {
        field: 'split',
        headerName: t('floorTable.split'),
        width: 140,
        renderCell: ({ row }) =>
          row.kind === 'agent' ? <StateSplitBar seconds={row.seconds} /> : null,
      },
    ]
    return columns
  }, [t, language, group])
}

const COLUMN_COUNT = 11
