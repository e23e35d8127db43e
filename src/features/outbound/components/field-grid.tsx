import Box from '@mui/material/Box'
import type { ReactNode } from 'react'

/** The outbound forms' fields: two columns side by side, one on a narrow screen. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
        gap: 2,
        maxWidth: 720,
      }}
    >
      {children}
    </Box>
  )
}
