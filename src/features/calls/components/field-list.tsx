import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'

export interface FieldItem {
  key: string
  label: string
  value: string
  /** A raw platform name under the label, for fields the console has no words for. */
  hint?: string
}

/** Label–value pairs in columns that wrap, as a description list. */
export function FieldList({ items }: { items: readonly FieldItem[] }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        columnGap: 3,
        rowGap: 1.5,
      }}
    >
      {items.map((item) => (
        <Box key={item.key} sx={{ minWidth: 0 }}>
          <Typography
            component="dt"
            variant="caption"
            sx={{ color: 'text.secondary', display: 'block' }}
          >
            {item.label}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            title={item.hint}
            sx={{ m: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' }}
          >
            {item.value}
          </Typography>
        </Box>
      ))}
    </Box>
  )
}
