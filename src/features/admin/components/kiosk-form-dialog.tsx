import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CreatedKiosk, createKioskBodySchema } from '@/shared/admin'
import { ChipsInput } from '@/components/ui/chips-input'
import { useCreateKiosk } from '../api/create-kiosk'
import { type FormErrors, apiErrorToErrors, issuesToErrors, noErrors } from '../utils/form-errors'

const FIELDS = ['name', 'orgPrefix', 'skills'] as const
type Field = (typeof FIELDS)[number]

interface KioskFormDialogProps {
  open: boolean
  knownSkills: readonly string[]
  onClose: () => void
  onCreated: (created: CreatedKiosk) => void
}

/** A new wall-screen link: a name, and optionally the department and skill groups it shows. */
export function KioskFormDialog(props: KioskFormDialogProps) {
  // A fresh form each time the dialog opens.
  const [session, setSession] = useState(0)
  const [wasOpen, setWasOpen] = useState(props.open)
  if (props.open !== wasOpen) {
    setWasOpen(props.open)
    if (props.open) setSession((s) => s + 1)
  }
  return <KioskForm key={session} {...props} />
}

function KioskForm({ open, knownSkills, onClose, onCreated }: KioskFormDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const [name, setName] = useState('')
  const [orgPrefix, setOrgPrefix] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors)
  const create = useCreateKiosk()

  const clear = (field: Field) => {
    if (errors.fields[field])
      setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (create.isPending) return
    const body = {
      name,
      orgPrefix: orgPrefix.trim() || null,
      skills: skills.length > 0 ? skills : null,
    }
    const checked = createKioskBodySchema.safeParse(body)
    if (!checked.success) return setErrors(issuesToErrors(checked.error.issues, FIELDS, t))
    create.mutate(body, {
      onSuccess: (created) => onCreated(created),
      onError: (err) => setErrors(apiErrorToErrors(err, FIELDS, t)),
    })
  }

  return (
    <Dialog
      open={open}
      onClose={create.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle id={titleId} variant="h1" component="h2">
          {t('kiosks.createTitle')}
        </DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2.5, pt: '8px !important' }}
        >
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <TextField
            label={t('kiosks.name')}
            name="name"
            required
            autoFocus
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              clear('name')
            }}
            error={!!errors.fields.name}
            helperText={errors.fields.name ?? t('kiosks.nameHelp')}
          />
          <TextField
            label={t('admin.department')}
            name="orgPrefix"
            value={orgPrefix}
            onChange={(e) => {
              setOrgPrefix(e.target.value)
              clear('orgPrefix')
            }}
            error={!!errors.fields.orgPrefix}
            helperText={errors.fields.orgPrefix ?? t('admin.departmentHelp')}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          <ChipsInput
            label={t('admin.skills')}
            name="skills"
            value={skills}
            options={knownSkills}
            onChange={(next) => {
              setSkills(next)
              clear('skills')
            }}
            error={!!errors.fields.skills}
            helperText={errors.fields.skills ?? t('admin.skillsHelp')}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={create.isPending}>
            {t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
