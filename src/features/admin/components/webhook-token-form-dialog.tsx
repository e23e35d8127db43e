import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CreatedWebhookToken, createWebhookTokenBodySchema } from '@/shared/webhook-tokens'
import { useCreateWebhookToken } from '../api/create-webhook-token'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { type FormErrors, apiErrorToErrors, issuesToErrors, noErrors } from '../utils/form-errors'
import { FormDialog } from './form-dialog'

const FIELDS = ['name'] as const
type Field = (typeof FIELDS)[number]

interface WebhookTokenFormDialogProps {
  open: boolean
  onClose: () => void
  onCreated: (created: CreatedWebhookToken) => void
}

/** A new webhook token for the admin's tenant: only a name to tell it apart. */
export function WebhookTokenFormDialog(props: WebhookTokenFormDialogProps) {
  return <WebhookTokenForm key={useFreshFormKey(props.open)} {...props} />
}

function WebhookTokenForm({ open, onClose, onCreated }: WebhookTokenFormDialogProps) {
  const { t } = useTranslation('admin')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors)
  const create = useCreateWebhookToken()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (create.isPending) return
    const checked = createWebhookTokenBodySchema.safeParse({ name })
    if (!checked.success) return setErrors(issuesToErrors(checked.error.issues, FIELDS, t))
    create.mutate(
      { name },
      {
        onSuccess: (created) => onCreated(created),
        onError: (err) => setErrors(apiErrorToErrors(err, FIELDS, t)),
      },
    )
  }

  return (
    <FormDialog
      open={open}
      title={t('webhookTokens.createTitle')}
      pending={create.isPending}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('webhookTokens.name')}
        name="name"
        required
        autoFocus
        autoComplete="off"
        value={name}
        onChange={(e) => {
          setName(e.target.value)
          if (errors.fields.name) setErrors(noErrors)
        }}
        error={!!errors.fields.name}
        helperText={errors.fields.name ?? t('webhookTokens.nameHelp')}
      />
    </FormDialog>
  )
}
