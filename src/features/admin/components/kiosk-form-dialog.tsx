import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CreatedKiosk, createKioskBodySchema } from '@/shared/admin'
import { ChipsInput } from '@/components/ui/chips-input'
import { useSkillName } from '@/hooks/use-skill-names'
import { useCreateKiosk } from '../api/create-kiosk'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { type FormErrors, apiErrorToErrors, issuesToErrors, noErrors } from '../utils/form-errors'
import { DepartmentPicker } from './department-picker'
import { FormDialog } from './form-dialog'

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
  return <KioskForm key={useFreshFormKey(props.open)} {...props} />
}

function KioskForm({ open, knownSkills, onClose, onCreated }: KioskFormDialogProps) {
  const { t } = useTranslation('admin')
  const skillName = useSkillName()
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
    <FormDialog
      open={open}
      title={t('kiosks.createTitle')}
      pending={create.isPending}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
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
      <DepartmentPicker
        value={orgPrefix}
        onChange={(treePos) => {
          setOrgPrefix(treePos)
          clear('orgPrefix')
        }}
        error={!!errors.fields.orgPrefix}
        helperText={errors.fields.orgPrefix}
      />
      <ChipsInput
        label={t('admin.skills')}
        name="skills"
        value={skills}
        options={knownSkills}
        labelOf={skillName}
        onChange={(next) => {
          setSkills(next)
          clear('skills')
        }}
        error={!!errors.fields.skills}
        helperText={errors.fields.skills ?? t('admin.skillsHelp')}
      />
    </FormDialog>
  )
}
