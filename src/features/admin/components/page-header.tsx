import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

interface PageHeaderProps {
  title: string
  /** Small text beside the title, e.g. a count. */
  aside?: string | undefined
  /** The page's main action, at the right. */
  action?: ReactNode
}

/** Title, count and main action of an admin page. */
export function PageHeader({ title, aside, action }: PageHeaderProps) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
      <Typography variant="h1" component="h1">
        {title}
      </Typography>
      {aside && (
        <Typography
          variant="body2"
          sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
        >
          {aside}
        </Typography>
      )}
      <Box sx={{ flex: 1 }} />
      {action}
    </Box>
  )
}
