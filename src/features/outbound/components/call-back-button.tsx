import PhoneCallbackRounded from '@mui/icons-material/PhoneCallbackRounded'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Snackbar from '@mui/material/Snackbar'
import Tooltip from '@mui/material/Tooltip'
import { type SyntheticEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallBackButtonProps } from '@/components/ui/call-back-slot'
import { PHONE_PATTERN } from '@/shared/outbound'
import { CallBackDialog } from './call-back-dialog'

export interface CallBackButtonImplProps extends CallBackButtonProps {
  /** The signed-in user's extension from their profile, or null when they set none. */
  myDeviceId: string | null
  /** Where the user sets their extension. */
  profilePath: string
}

// A row that opens on click (the call records) must not open when its call-back control, or
// the dialog drawn from it (React events cross portals), is used.
const stop = (event: SyntheticEvent) => event.stopPropagation()

/**
 * "Call back" for one customer number: an icon button in rows, a text button on pages, opening
 * the dialog that starts a double call. Nothing is drawn for a number that is not a phone
 * number (an anonymous caller, an extension).
 */
export function CallBackButtonImpl({
  customerPhone,
  forCallId,
  variant = 'icon',
  myDeviceId,
  profilePath,
}: CallBackButtonImplProps) {
  const { t } = useTranslation('outbound')
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const phone = customerPhone.trim()
  if (!PHONE_PATTERN.test(phone)) return null
  const label = t('callBack.buttonLabel', { number: phone })
  return (
    <span onClick={stop} onKeyDown={stop} style={{ display: 'contents' }}>
      {variant === 'icon' ? (
        <Tooltip title={t('callBack.action')}>
          <IconButton size="small" aria-label={label} onClick={() => setOpen(true)}>
            <PhoneCallbackRounded fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <Button
          variant="outlined"
          size="small"
          startIcon={<PhoneCallbackRounded />}
          aria-label={label}
          onClick={() => setOpen(true)}
        >
          {t('callBack.action')}
        </Button>
      )}
      {open && (
        <CallBackDialog
          customerPhone={phone}
          forCallId={forCallId ?? null}
          myDeviceId={myDeviceId}
          profilePath={profilePath}
          onClose={() => setOpen(false)}
          onStarted={(text) => {
            setOpen(false)
            setDone(text)
          }}
        />
      )}
      <Snackbar
        open={done !== null}
        autoHideDuration={8000}
        onClose={(_e, reason) => reason !== 'clickaway' && setDone(null)}
      >
        <Alert severity="success" variant="filled" onClose={() => setDone(null)}>
          {done}
        </Alert>
      </Snackbar>
    </span>
  )
}
