import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAlertPrefs } from '../stores/alert-prefs-store'
import { beep, unlockAudio } from '../utils/beep'
import {
  askNotificationPermission,
  notificationPermission,
  notificationsSupported,
} from '../utils/notify'
import { ALERT_GAP_MS } from '../utils/red-alerts'

interface AlertMenuListProps {
  id: string
  /** The bell; null while the menu is closed. */
  anchorEl: HTMLElement | null
  onClose: () => void
}

/** The bell's menu: the chime and the desktop notification, each on a switch. */
export function AlertMenuList({ id, anchorEl, onClose }: AlertMenuListProps) {
  const { t } = useTranslation()
  const sound = useAlertPrefs((s) => s.sound)
  const notifyOn = useAlertPrefs((s) => s.notify)
  const setPrefs = useAlertPrefs((s) => s.set)
  const [blocked, setBlocked] = useState(false)

  const toggleSound = () => {
    if (!sound) {
      unlockAudio() // inside the click: browsers allow sound only after a gesture
      beep() // so the supervisor hears what it will sound like
    }
    setPrefs({ sound: !sound })
  }
  const toggleNotify = async () => {
    if (notifyOn) {
      setPrefs({ notify: false })
      return
    }
    const granted = await askNotificationPermission()
    setBlocked(!granted)
    setPrefs({ notify: granted })
  }
  const open = anchorEl !== null
  // Asking the browser for the permission is a round trip to its own process, and the floor
  // renders on every batch of updates: ask only while the menu is open.
  const unsupported = !notificationsSupported()
  const denied = open && notificationPermission() === 'denied'

  return (
    <Menu
      id={id}
      anchorEl={anchorEl}
      open={open}
      onClose={onClose}
      slotProps={{ list: { 'aria-label': t('alerts.menuLabel') }, paper: { sx: { width: 340 } } }}
    >
      <Typography
        variant="body2"
        component="li"
        role="presentation"
        sx={{ px: 2, pt: 0.5, pb: 1, color: 'text.secondary' }}
      >
        {t('alerts.explain', { sec: ALERT_GAP_MS / 1000 })}
      </Typography>
      <MenuItem role="menuitemcheckbox" aria-checked={sound} onClick={toggleSound}>
        <ListItemText primary={t('alerts.sound')} />
        <Switch
          edge="end"
          checked={sound}
          tabIndex={-1}
          slotProps={{ input: { 'aria-hidden': true } }}
        />
      </MenuItem>
      <MenuItem
        role="menuitemcheckbox"
        aria-checked={notifyOn}
        disabled={unsupported}
        onClick={() => void toggleNotify()}
      >
        <ListItemText
          primary={t('alerts.notify')}
          secondary={
            unsupported
              ? t('alerts.notifyUnsupported')
              : blocked || denied
                ? t('alerts.notifyBlocked')
                : undefined
          }
          slotProps={{ secondary: { sx: { whiteSpace: 'normal' } } }}
        />
        <Switch
          edge="end"
          checked={notifyOn}
          tabIndex={-1}
          slotProps={{ input: { 'aria-hidden': true } }}
        />
      </MenuItem>
    </Menu>
  )
}
