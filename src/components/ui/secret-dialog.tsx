import CheckRounded from '@mui/icons-material/CheckRounded'
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from '@/lib/clipboard'
import { VISUALLY_HIDDEN } from './visually-hidden'

interface SecretDialogProps {
  open: boolean
  /** The secret to show (kept by the caller while the dialog fades out). */
  secret: string
  title: string
  body: string
  /** Label of the read-only field holding the secret. */
  label: string
  /** "It will not be shown again." */
  warning: string
  onClose: () => void
}

/** Shows a temporary password or a wall-screen link this once, with a copy button. */
export function SecretDialog({
  open,
  secret,
  title,
  body,
  label,
  warning,
  onClose,
}: SecretDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const fieldRef = useRef<HTMLInputElement>(null)
  const [shown, setShown] = useState(secret)
  if (secret !== shown) {
    setShown(secret)
    setCopied(null)
  }

  const copy = async () => {
    const ok = await copyText(secret)
    setCopied(ok ? 'yes' : 'failed')
    if (!ok) fieldRef.current?.select()
  }

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId} variant="h1" component="h2">
        {title}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <DialogContentText>{body}</DialogContentText>
        <TextField
          label={label}
          value={secret}
          inputRef={fieldRef}
          fullWidth
          onFocus={(e) => e.target.select()}
          slotProps={{
            htmlInput: {
              readOnly: true,
              spellCheck: false,
              style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
            },
          }}
        />
        <Alert severity="warning">{warning}</Alert>
        {copied === 'failed' && <Alert severity="info">{t('common.copyFailed')}</Alert>}
        <Box component="span" role="status" sx={VISUALLY_HIDDEN}>
          {copied === 'yes' ? t('common.copied') : ''}
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button
          variant="outlined"
          startIcon={copied === 'yes' ? <CheckRounded /> : <ContentCopyRounded />}
          onClick={() => void copy()}
          autoFocus
        >
          {copied === 'yes' ? t('common.copied') : t('common.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
