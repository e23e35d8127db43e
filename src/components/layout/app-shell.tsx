import HeadsetMicRounded from '@mui/icons-material/HeadsetMicRounded'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { LanguageSwitch } from './language-switch'
import { ThemeSwitch } from './theme-switch'

export interface NavItem {
  to: string
  label: string
  /** Match the path exactly (the index route). */
  end?: boolean
}

interface AppShellProps {
  nav: readonly NavItem[]
  /** Right-hand status area, e.g. the connection indicator. */
  status?: ReactNode
  /** At the far right: who is signed in (the user menu). */
  user?: ReactNode
  children: ReactNode
}

const MAIN_ID = 'main'

/** The frame of every page: product name, navigation, status, language and theme; the page fills the rest. */
export function AppShell({ nav, status, user, children }: AppShellProps) {
  const { t } = useTranslation()
  return (
    <Box
      sx={{
        height: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
      }}
    >
      <Box
        component="a"
        href={`#${MAIN_ID}`}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 'tooltip',
          px: 2,
          py: 1,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Box>
      <AppBar
        position="static"
        sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
      >
        <Toolbar
          variant="dense"
          sx={{ gap: { xs: 1, sm: 2 }, minHeight: 52, px: { xs: 1, sm: 2 } }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <HeadsetMicRounded color="primary" aria-hidden />
            <Typography
              component="span"
              sx={{
                display: { xs: 'none', sm: 'inline' },
                fontWeight: 700,
                fontSize: '1rem',
                whiteSpace: 'nowrap',
              }}
            >
              {t('app.name')}
            </Typography>
          </Box>
          {nav.length > 0 && (
            <Box component="nav" aria-label={t('nav.label')} sx={{ display: 'flex', gap: 0.5 }}>
              {nav.map((item) => (
                <Button
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  end={item.end}
                  size="small"
                  color="inherit"
                  sx={{
                    px: { xs: 1, sm: 1.5 },
                    minWidth: 0,
                    whiteSpace: 'nowrap',
                    color: 'text.secondary',
                    '&.active': { color: 'primary.main', bgcolor: 'action.selected' },
                  }}
                >
                  {item.label}
                </Button>
              ))}
            </Box>
          )}
          <Box sx={{ flex: 1 }} />
          {status}
          <Box sx={{ display: 'flex', alignItems: 'center' }}>
            <LanguageSwitch />
            <ThemeSwitch />
          </Box>
          {user}
        </Toolbar>
      </AppBar>
      <Box
        component="main"
        id={MAIN_ID}
        tabIndex={-1}
        sx={{ flex: 1, minHeight: 0, outline: 'none' }}
      >
        {children}
      </Box>
    </Box>
  )
}
