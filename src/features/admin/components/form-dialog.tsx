import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import { type FormEvent, type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'

interface FormDialogProps {
  open: boolean
  title: string
  /** The request is on its way: the dialog cannot be closed and the submit button spins. */
  pending: boolean
  /** What went wrong for the form as a whole (a field's own message sits under the field). */
  formError: string | null
  /** Default: Create. */
  submitLabel?: string
  onClose: () => void
  onSubmit: (event: FormEvent) => void
  children: ReactNode
}

/** An admin form in a dialog: title, fields, Cancel and a submit button; Enter submits. */
export function FormDialog({
  open,
  title,
  pending,
  formError,
  submitLabel,
  onClose,
  onSubmit,
  children,
}: FormDialogProps) {
  const { t } = useTranslation('admin')
  const titleId = useId()
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      {/* `display: contents` keeps the dialog's own layout (a scrolling middle) around the form. */}
      <Box component="form" noValidate onSubmit={onSubmit} sx={{ display: 'contents' }}>
        <DialogTitle id={titleId} variant="h1" component="h2">
          {title}
        </DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2.5, pt: '8px !important' }}
        >
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={pending}>
            {submitLabel ?? t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
