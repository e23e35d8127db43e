import ArrowBackRounded from '@mui/icons-material/ArrowBackRounded'
import HeadsetMicRounded from '@mui/icons-material/HeadsetMicRounded'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Clock } from '@/components/ui/clock'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { ConnectionIndicator } from '@/features/floor/components/connection-indicator'
import { WallFloor } from '@/features/floor/components/wall-floor'
import { useScopeLabel } from '@/hooks/use-scope-label'

/**
 * `/wall`: the floor for a screen across the room, always dark: who is shown, the link's
 * health and the time above the counts and the grid. Wall-screen links land here; signed-in
 * users may open it too (and find their way back).
 */
export function WallRoute() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const scope = useScopeLabel()(me.scope)
  return (
    <Box
      data-color-scheme="dark"
      sx={{
        colorScheme: 'dark',
        height: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
        color: 'text.primary',
      }}
    >
      <Box
        component="header"
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          px: 2,
          py: 1,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        {me.kind === 'user' && (
          <Tooltip title={t('wall.back')}>
            <IconButton component={Link} to="/" aria-label={t('wall.back')} edge="start">
              <ArrowBackRounded />
            </IconButton>
          </Tooltip>
        )}
        <HeadsetMicRounded color="primary" aria-hidden />
        <Box sx={{ minWidth: 0 }}>
          <Typography component="h1" sx={{ fontWeight: 700, fontSize: '1.25rem', lineHeight: 1.2 }}>
            {t('wall.title')}
          </Typography>
          <Typography
            variant="body2"
            sx={{
              color: 'text.secondary',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {me.username} · {scope.department} · {scope.skills}
          </Typography>
        </Box>
        <Box sx={{ flex: 1 }} />
        <ConnectionIndicator />
        <Clock />
      </Box>
      <Box component="main" sx={{ flex: 1, minHeight: 0 }}>
        <WallFloor />
      </Box>
    </Box>
  )
}
