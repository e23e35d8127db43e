import NotificationsActiveRounded from '@mui/icons-material/NotificationsActiveRounded'
import NotificationsNoneRounded from '@mui/icons-material/NotificationsNoneRounded'
import IconButton from '@mui/material/IconButton'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Switch from '@mui/material/Switch'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRedAlerts } from '../hooks/use-red-alerts'
import { useAlertPrefs } from '../stores/alert-prefs-store'
import { beep, unlockAudio } from '../utils/beep'
import {
  askNotificationPermission,
  notificationPermission,
  notificationsSupported,
} from '../utils/notify'
import { ALERT_GAP_MS } from '../utils/red-alerts'

/**
 * The bell in the floor's toolbar: switches for a chime and a desktop notification when an
 * agent turns red (kept in this browser), and the watcher that gives them.
 */
export function AlertMenu() {
  const { t } = useTranslation()
  useRedAlerts()
  const menuId = useId()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const sound = useAlertPrefs((s) => s.sound)
  const notifyOn = useAlertPrefs((s) => s.notify)
  const setPrefs = useAlertPrefs((s) => s.set)
  const [blocked, setBlocked] = useState(false)
  const on = sound || notifyOn
  const label = on ? t('alerts.buttonOn') : t('alerts.buttonOff')

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
  const open = anchor !== null
  // Asking the browser for the permission is a round trip to its own process, and this
  // component renders on every batch of floor updates: ask only while the menu is open.
  const unsupported = !notificationsSupported()
  const denied = open && notificationPermission() === 'denied'

  return (
    <>
      <Tooltip title={label}>
        <IconButton
          aria-label={label}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? true : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          {on ? <NotificationsActiveRounded color="primary" /> : <NotificationsNoneRounded />}
        </IconButton>
      </Tooltip>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={open}
        onClose={() => setAnchor(null)}
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
    </>
  )
}
