import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import Fade from '@mui/material/Fade'
import Typography from '@mui/material/Typography'

const SHOW_AFTER_MS = 300 // a quick answer shows nothing at all, not a flicker

/** A calm stand-in while the page finds out who is signed in. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Box
      role="status"
      aria-busy
      aria-label={label}
      sx={{
        height: '100dvh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
      }}
    >
      <Fade in style={{ transitionDelay: `${SHOW_AFTER_MS}ms` }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2 }}>
          <CircularProgress size={32} thickness={4} aria-hidden />
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {label}
          </Typography>
        </Box>
      </Fade>
    </Box>
  )
}
