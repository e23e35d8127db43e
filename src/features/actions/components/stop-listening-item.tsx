import HeadsetOffRounded from '@mui/icons-material/HeadsetOffRounded'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import MenuItem from '@mui/material/MenuItem'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Stop listening", for the lead's own listen to this call. The relay has no operation that
 * ends it (the platform's listen rings the lead's extension), so the item says how: hang up.
 * Focusable and greyed like an unavailable operation, with the way under its name.
 */
export function StopListeningItem({ device }: { device: string | null }) {
  const { t } = useTranslation()
  const nameId = useId()
  const howId = useId()
  return (
    <MenuItem
      disabled
      aria-labelledby={nameId}
      aria-describedby={howId}
      sx={{ '&.Mui-disabled': { pointerEvents: 'auto', cursor: 'default', opacity: 0.8 } }}
    >
      <ListItemIcon>
        <HeadsetOffRounded fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={t('actionsListen.stop')}
        secondary={
          device ? t('actionsListen.stopHow', { device }) : t('actionsListen.stopHowNoDevice')
        }
        slotProps={{
          primary: { id: nameId },
          secondary: {
            id: howId,
            variant: 'caption',
            sx: { display: 'block', maxWidth: 260, whiteSpace: 'normal', lineHeight: 1.3 },
          },
        }}
      />
    </MenuItem>
  )
}
