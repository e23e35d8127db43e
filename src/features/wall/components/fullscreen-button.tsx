import FullscreenExitRounded from '@mui/icons-material/FullscreenExitRounded'
import FullscreenRounded from '@mui/icons-material/FullscreenRounded'
import IconButton from '@mui/material/IconButton'
import { useTranslation } from 'react-i18next'
import { useFullscreen } from '../hooks/use-fullscreen'

/** Full screen on and off, where the browser allows it; nothing otherwise. */
export function FullscreenButton() {
  const { t } = useTranslation('wall')
  const { supported, active, toggle } = useFullscreen()
  if (!supported) return null
  const label = active ? t('wall.exitFullscreen') : t('wall.fullscreen')
  return (
    <IconButton
      aria-label={label}
      onClick={toggle}
      sx={{ color: 'text.secondary', '& svg': { fontSize: 'max(24px, 3.2vh)' } }}
    >
      {active ? <FullscreenExitRounded /> : <FullscreenRounded />}
    </IconButton>
  )
}
