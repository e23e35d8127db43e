import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type SavedView, saveViewBodySchema } from '@/shared/views'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { isApiError } from '@/lib/api-client'
import { useSaveView } from '../api/save-view'
import { useViewSummary } from '../hooks/use-view-summary'
import { errorText } from '../utils/error-text'

interface SaveViewDialogProps {
  open: boolean
  /** The floor's filters and sort to save (allowed keys only). */
  query: string
  onClose: () => void
  onSaved: (view: SavedView) => void
}

/** Names the floor's current filters and sort and saves them for the tenant. */
export function SaveViewDialog(props: SaveViewDialogProps) {
  // A fresh form each time the dialog opens.
  return <SaveViewForm key={useFreshFormKey(props.open)} {...props} />
}

function SaveViewForm({ open, query, onClose, onSaved }: SaveViewDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const save = useSaveView()
  const summary = useViewSummary()(query)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending) return
    const checked = saveViewBodySchema.safeParse({ name, query })
    if (!checked.success) {
      const issue = checked.error.issues[0]
      if (issue?.path[0] === 'name') {
        setNameError(
          issue.code === 'too_big'
            ? t('validation.maxChars', { count: Number(issue.maximum) })
            : t('validation.required'),
        )
      } else setFormError(issue?.message ?? t('errors.generic', { message: '' }))
      return
    }
    setFormError(null)
    save.mutate(checked.data, {
      onSuccess: (view) => onSaved(view),
      onError: (error) => {
        const field = isApiError(error) ? error.field : null
        if (field?.name === 'name') setNameError(field.message)
        else setFormError(errorText(error, t))
      },
    })
  }

  return (
    <Dialog
      open={open}
      onClose={save.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle id={titleId} variant="h1" component="h2">
          {t('views.saveTitle')}
        </DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}
        >
          {formError && (
            <Alert severity="error" role="alert">
              {formError}
            </Alert>
          )}
          <TextField
            label={t('views.name')}
            name="name"
            required
            autoFocus
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setNameError(null)
            }}
            error={nameError !== null}
            helperText={nameError ?? t('views.nameHelp')}
          />
          <Box>
            <Typography variant="body2" sx={{ color: 'text.secondary', mb: 0.5 }}>
              {t('views.saves')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5, fontSize: '0.875rem' }}>
              {(summary.length > 0 ? summary : [t('views.nothing')]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Box>
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
