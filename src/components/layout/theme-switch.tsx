import DarkModeRounded from '@mui/icons-material/DarkModeRounded'
import LightModeRounded from '@mui/icons-material/LightModeRounded'
import SettingsBrightnessRounded from '@mui/icons-material/SettingsBrightnessRounded'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useColorScheme } from '@mui/material/styles'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'

export const THEME_MODES = ['system', 'light', 'dark'] as const
export type ThemeMode = (typeof THEME_MODES)[number]

export const THEME_ICONS = {
  system: SettingsBrightnessRounded,
  light: LightModeRounded,
  dark: DarkModeRounded,
}

/** The menu itself: fetched once the page is idle, drawn from the first opening on. */
const ThemeMenu = loadOnFirstDraw(async () => (await import('./theme-menu')).ThemeMenu)

/** Light, dark, or the OS's choice (the default); MUI remembers it in localStorage. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const { mode } = useColorScheme()
  const current: ThemeMode = mode ?? 'system'
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const used = useOpenedOnce(anchor !== null)
  useEffect(() => preloadWhenIdle(ThemeMenu), [])
  const Icon = THEME_ICONS[current]
  return (
    <>
      <Tooltip title={t('theme.label')}>
        <IconButton
          aria-label={t('theme.label')}
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <Icon />
        </IconButton>
      </Tooltip>
      {used && <ThemeMenu anchorEl={anchor} onClose={() => setAnchor(null)} />}
    </>
  )
}
