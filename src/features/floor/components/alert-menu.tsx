import NotificationsActiveRounded from '@mui/icons-material/NotificationsActiveRounded'
import NotificationsNoneRounded from '@mui/icons-material/NotificationsNoneRounded'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'
import { useRedAlerts } from '../hooks/use-red-alerts'
import { useAlertPrefs } from '../stores/alert-prefs-store'

/** The menu's switches: fetched once the page is idle, drawn from the first opening on. */
const AlertMenuList = loadOnFirstDraw(async () => (await import('./alert-menu-list')).AlertMenuList)

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
  const on = sound || notifyOn
  const label = on ? t('alerts.buttonOn') : t('alerts.buttonOff')
  const open = anchor !== null
  const used = useOpenedOnce(open)
  useEffect(() => preloadWhenIdle(AlertMenuList), [])

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
      {used && <AlertMenuList id={menuId} anchorEl={anchor} onClose={() => setAnchor(null)} />}
    </>
  )
}
