import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

interface MessageStateProps {
  icon: ReactNode
  title: string
  body?: string
  action?: ReactNode
  /** `h1` where the message is the page (403, 404); a paragraph where it stands in for content. */
  titleAs?: 'p' | 'h1' | 'h2'
}

/** A centred explanation where content would be: empty lists, no matches, errors. */
export function MessageState({ icon, title, body, action, titleAs = 'p' }: MessageStateProps) {
  return (
    <Box
      role="status"
      sx={{
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        gap: 1,
        px: 3,
        py: 6,
        color: 'text.secondary',
      }}
    >
      <Box
        sx={{
          fontSize: 48,
          lineHeight: 0,
          mb: 1,
          color: 'text.disabled',
          '& svg': { fontSize: 48 },
        }}
      >
        {icon}
      </Box>
      <Typography variant="h2" component={titleAs} sx={{ color: 'text.primary' }}>
        {title}
      </Typography>
      {body && (
        <Typography variant="body2" sx={{ maxWidth: 460 }}>
          {body}
        </Typography>
      )}
      {action && <Box sx={{ mt: 1.5 }}>{action}</Box>}
    </Box>
  )
}
