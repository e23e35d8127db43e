import ViewColumnRounded from '@mui/icons-material/ViewColumnRounded'
import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Tooltip from '@mui/material/Tooltip'
import {
  ColumnsPanelTrigger,
  DataGrid,
  type GridColDef,
  type GridColumnVisibilityModel,
  Toolbar,
  ToolbarButton,
} from '@mui/x-data-grid'
import { enUS, zhCN } from '@mui/x-data-grid/locales'
import { type ReactNode, createContext, use, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'react-router'
import { MessageState } from '@/components/ui/message-state'
import { RepeatCallerFlag } from '@/components/ui/repeat-caller-flag'
import { useLanguage } from '@/hooks/use-language'
import { useFieldLabel } from '../hooks/use-field-label'
import type { RecordRow } from '../hooks/use-records-page'
import { formatValue } from '../utils/cdr-values'
import { agentCell, skillCell } from '../utils/people-values'
import { type ListColumn } from '../utils/list-columns'
import { repeatOf } from '../utils/repeat-caller'
import { PAGE_SIZES, type PageSize } from '../utils/list-search'
import InboxRounded from '@mui/icons-material/InboxRounded'

interface RecordsGridProps {
  label: string
  columns: readonly ListColumn[]
  rows: readonly RecordRow[]
  /** All rows of the query; null when the relay could not tell. */
  total: number | null
  /** From 1. */
  page: number
  size: number
  loading: boolean
  onPageChange: (page: number, size: PageSize) => void
  /** Where a row leads (its call's page), or null for none. */
  linkOf: (row: RecordRow) => string | null
  onOpen: (row: RecordRow) => void
  /** Said when the page has no rows. */
  empty: { title: string; body: string }
  /** Where the shown columns are remembered (per tab). */
  storageKey: string
  /** A control drawn at the end of each row (call back), with its column's header. */
  rowAction?: { header: string; after: string; render: (row: RecordRow) => ReactNode } | undefined
}

type KeyedRow = RecordRow & { __key: string }

/** The row control's column: not a record field, so not in the CSV nor the columns panel. */
const ROW_ACTION_FIELD = '__action'

const EmptyContext = createContext({ title: '', body: '' })

function EmptyOverlay() {
  const { title, body } = use(EmptyContext)
  return <MessageState icon={<InboxRounded />} title={title} body={body} />
}

function ColumnsToolbar() {
  const { t } = useTranslation('calls')
  return (
    <Toolbar>
      <Tooltip title={t('callRecords.columns')}>
        <ColumnsPanelTrigger render={<ToolbarButton aria-label={t('callRecords.columns')} />}>
          <ViewColumnRounded fontSize="small" />
        </ColumnsPanelTrigger>
      </Tooltip>
    </Toolbar>
  )
}

function storedVisibility(key: string, columns: readonly ListColumn[]): GridColumnVisibilityModel {
  const defaults = Object.fromEntries(columns.map((c) => [c.field, c.visible]))
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null')
    if (saved && typeof saved === 'object') {
      for (const [field, shown] of Object.entries(saved)) {
        if (field in defaults && typeof shown === 'boolean') defaults[field] = shown
      }
    }
  } catch {
    // Storage blocked or garbled: the defaults.
  }
  return defaults
}

/**
 * A server-paginated grid of call records: the relay pages, the grid shows one page and the
 * total. A row opens its call (click, or Enter on a cell); its first cell is a plain link too.
 */
export function RecordsGrid({
  label,
  columns,
  rows,
  total,
  page,
  size,
  loading,
  onPageChange,
  linkOf,
  onOpen,
  empty,
  storageKey,
  rowAction,
}: RecordsGridProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const fieldLabel = useFieldLabel()
  const [visibility, setVisibility] = useState(() => storedVisibility(storageKey, columns))
  const words = useMemo(() => ({ yes: t('callDetail.yes'), no: t('callDetail.no') }), [t])

  const colDefs = useMemo<GridColDef<KeyedRow>[]>(() => {
    const defs = columns.map((c, index): GridColDef<KeyedRow> => ({
      field: c.field,
      headerName: fieldLabel(c.field),
      width: c.width,
      sortable: false,
      ...(c.kind === 'duration' ? { align: 'right', headerAlign: 'right' } : {}),
      valueGetter: (_value: never, row: KeyedRow) =>
        c.field === 'agentId'
          ? agentCell(row, (name, id) => t('callRecords.agentColumn', { name, id }))
          : c.field === 'skillId'
            ? skillCell(row)
            : formatValue(row[c.field], c.kind, words),
      cellClassName: c.kind === 'time' || c.kind === 'duration' ? 'numeric' : '',
      ...(index === 0
        ? {
            renderCell: ({ row, value }: { row: KeyedRow; value?: string }) => {
              const to = linkOf(row)
              return to ? (
                <Link component={RouterLink} to={to} tabIndex={-1} underline="hover">
                  {value}
                </Link>
              ) : (
                value
              )
            },
          }
        : c.field === 'ani'
          ? {
              // A repeat caller's number carries its mark, a link to its calls of the day.
              renderCell: ({ row, value }: { row: KeyedRow; value?: string }) => {
                const repeat = repeatOf(row)
                return repeat ? (
                  <Box component="span" sx={{ display: 'inline-flex', gap: 0.75 }}>
                    {value}
                    <RepeatCallerFlag count={repeat.count} number={repeat.number} at={repeat.at} />
                  </Box>
                ) : (
                  value
                )
              },
            }
          : {}),
    }))
    if (!rowAction) return defs
    const action: GridColDef<KeyedRow> = {
      field: ROW_ACTION_FIELD,
      headerName: rowAction.header,
      width: 72,
      sortable: false,
      hideable: false,
      disableColumnMenu: true,
      renderCell: ({ row }: { row: KeyedRow }) => rowAction.render(row),
    }
    // Beside the number it calls, else last.
    const at = defs.findIndex((d) => d.field === rowAction.after)
    return at < 0 ? [...defs, action] : [...defs.slice(0, at + 1), action, ...defs.slice(at + 1)]
  }, [columns, fieldLabel, words, linkOf, t, rowAction])

  const keyed = useMemo<KeyedRow[]>(
    () =>
      rows.map((row, i) => ({
        ...row,
        __key: `${(page - 1) * size + i}:${typeof row.callId === 'string' ? row.callId : ''}`,
      })),
    [rows, page, size],
  )

  const localeText = (language === 'zh' ? zhCN : enUS).components.MuiDataGrid.defaultProps
    .localeText

  return (
    <EmptyContext value={empty}>
      <DataGrid<KeyedRow>
        aria-label={label}
        rows={keyed}
        columns={colDefs}
        getRowId={(row) => row.__key}
        loading={loading}
        density="compact"
        paginationMode="server"
        paginationModel={{ page: page - 1, pageSize: size }}
        onPaginationModelChange={(m) =>
          onPageChange(m.pageSize === size ? m.page + 1 : 1, m.pageSize as PageSize)
        }
        pageSizeOptions={[...PAGE_SIZES]}
        rowCount={total ?? -1}
        {...(total === null ? { paginationMeta: { hasNextPage: rows.length >= size } } : {})}
        columnVisibilityModel={visibility}
        onColumnVisibilityModelChange={(model) => {
          setVisibility(model)
          try {
            globalThis.localStorage?.setItem(storageKey, JSON.stringify(model))
          } catch {
            // Not remembered; still applied.
          }
        }}
        disableColumnFilter
        disableColumnSorting
        disableRowSelectionOnClick
        showToolbar
        slots={{ toolbar: ColumnsToolbar, noRowsOverlay: EmptyOverlay }}
        localeText={localeText}
        onRowClick={(params, event) => {
          if ((event.target as Element).closest('a')) return // the link opens it
          onOpen(params.row as KeyedRow)
        }}
        onCellKeyDown={(params, event) => {
          // Enter on the row's control is the control's own.
          if (event.key === 'Enter' && params.field !== ROW_ACTION_FIELD) {
            event.preventDefault()
            onOpen(params.row as KeyedRow)
          }
        }}
        getRowClassName={() => 'openable'}
        sx={{
          border: 0,
          '& .openable': { cursor: 'pointer' },
          '& .numeric': { fontVariantNumeric: 'tabular-nums' },
          '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': {
            outline: '2px solid',
            outlineColor: 'primary.main',
            outlineOffset: -2,
          },
        }}
      />
    </EmptyContext>
  )
}
