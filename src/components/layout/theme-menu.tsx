import CheckRounded from '@mui/icons-material/CheckRounded'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import { useColorScheme } from '@mui/material/styles'
import { useTranslation } from 'react-i18next'
import { THEME_ICONS, THEME_MODES, type ThemeMode } from './theme-switch'

interface ThemeMenuProps {
  /** The switch's button; null while the menu is closed. */
  anchorEl: HTMLElement | null
  onClose: () => void
}

/** The theme switch's menu: the OS's choice, light, dark; the current one checked. */
export function ThemeMenu({ anchorEl, onClose }: ThemeMenuProps) {
  const { t } = useTranslation()
  const { mode, setMode } = useColorScheme()
  const current: ThemeMode = mode ?? 'system'
  return (
    <Menu anchorEl={anchorEl} open={anchorEl !== null} onClose={onClose}>
      {THEME_MODES.map((m) => {
        const ModeIcon = THEME_ICONS[m]
        return (
          <MenuItem
            key={m}
            selected={m === current}
            onClick={() => {
              setMode(m)
              onClose()
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
  )
}
