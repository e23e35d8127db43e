import CheckRounded from '@mui/icons-material/CheckRounded'
import DarkModeRounded from '@mui/icons-material/DarkModeRounded'
import LightModeRounded from '@mui/icons-material/LightModeRounded'
import SettingsBrightnessRounded from '@mui/icons-material/SettingsBrightnessRounded'
import IconButton from '@mui/material/IconButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import { useColorScheme } from '@mui/material/styles'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

const MODES = ['system', 'light', 'dark'] as const
type Mode = (typeof MODES)[number]

const ICONS = { system: SettingsBrightnessRounded, light: LightModeRounded, dark: DarkModeRounded }

/** Light, dark, or the OS's choice (the default); MUI remembers it in localStorage. */
export function ThemeSwitch() {
  const { t } = useTranslation()
  const { mode, setMode } = useColorScheme()
  const current: Mode = mode ?? 'system'
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const Icon = ICONS[current]
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
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {MODES.map((m) => {
          const ModeIcon = ICONS[m]
          return (
            <MenuItem
              key={m}
              selected={m === current}
              onClick={() => {
                setMode(m)
                setAnchor(null)
              }}
            >
              <ListItemIcon>
                <ModeIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{t(`theme.${m}`)}</ListItemText>
              {m === current && <CheckRounded fontSize="small" sx={{ ml: 2 }} />}
            </MenuItem>
          )
        })}
      </Menu>
    </>
  )
}
