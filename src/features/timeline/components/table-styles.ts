import type { SxProps, Theme } from '@mui/material/styles'

/** The drawer's small tables: dense rows, numbers right-aligned, the first column left. */
export const compactTableSx: SxProps<Theme> = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: '0.8125rem',
  fontVariantNumeric: 'tabular-nums',
  '& th, & td': { px: 0.75, py: 0.5, textAlign: 'right', whiteSpace: 'nowrap' },
  '& th:first-of-type, & td:first-of-type': { textAlign: 'left', pl: 0 },
  '& th:last-of-type, & td:last-of-type': { pr: 0 },
  '& thead th': {
    color: 'text.secondary',
    fontWeight: 500,
    fontSize: '0.75rem',
    borderBottom: 1,
    borderColor: 'divider',
  },
  '& tbody th': { fontWeight: 500 },
  '& tbody tr + tr > *': { borderTop: 1, borderColor: 'divider' },
}
