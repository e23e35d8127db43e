import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'

/** A section's heading in the figures column, with a short note beside it. */
export function SectionTitle({
  id,
  children,
  aside,
}: {
  id: string
  children: string
  aside?: string | undefined
}) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1 }}>
      <Typography id={id} variant="h2" component="h2">
        {children}
      </Typography>
      {aside && (
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
        >
          {aside}
        </Typography>
      )}
    </Box>
  )
}
