import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableContainer from '@mui/material/TableContainer'
import type { ReactNode } from 'react'
import { MessageRow, SkeletonRows } from './admin-table-states'

interface AdminTableFrameProps {
  /** The table with its rows, or null while there are none to show. */
  table: ReactNode | null
  /** Accessible name of the table. */
  label: string
  head: ReactNode
  columns: number
  /** The list is loading: placeholder rows, announced with `loadingLabel`. */
  loading: boolean
  loadingLabel: string
  /** Stands in for the rows when there are none: the empty state, or why it failed. */
  message: ReactNode
}

/** An admin list: its table once it has rows; until then the head with a loading or empty state. */
export function AdminTableFrame({
  table,
  label,
  head,
  columns,
  loading,
  loadingLabel,
  message,
}: AdminTableFrameProps) {
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
      {table ? (
        <TableContainer sx={{ maxHeight: 'calc(100dvh - 210px)' }}>{table}</TableContainer>
      ) : (
        <Table size="small" aria-label={label}>
          {head}
          <TableBody>
            {loading ? (
              <SkeletonRows columns={columns} label={loadingLabel} />
            ) : (
              <MessageRow columns={columns}>{message}</MessageRow>
            )}
          </TableBody>
        </Table>
      )}
    </Paper>
  )
}
