import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SkillGroup } from '@/shared/directory'
import { MAX_SKILL_NAME_CHARS, type SkillNames, skillNameSchema } from '@/shared/skill-names'
import { useSaveSkillNames } from '../api/save-skill-names'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { type FormErrors, apiErrorToErrors, issuesToErrors, noErrors } from '../utils/form-errors'
import { FormDialog } from './form-dialog'

const FIELDS = ['name'] as const
type Field = (typeof FIELDS)[number]

interface SkillNameDialogProps {
  open: boolean
  skill: SkillGroup | null
  /** Every name of the tenant now: the whole list is saved, with this group's changed. */
  names: SkillNames
  onClose: () => void
}

/** Names one skill group (or clears its name, so the floor shows the id again). */
export function SkillNameDialog(props: SkillNameDialogProps) {
  return <SkillNameForm key={useFreshFormKey(props.open)} {...props} />
}

function SkillNameForm({ open, skill, names, onClose }: SkillNameDialogProps) {
  const { t } = useTranslation('admin')
  const [name, setName] = useState(skill?.name ?? '')
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors)
  const save = useSaveSkillNames()
  const id = skill?.id ?? ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending || !skill) return
    const next = { ...names }
    delete next[id]
    const trimmed = name.trim()
    if (trimmed) {
      const checked = skillNameSchema.safeParse(trimmed)
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => ({ ...i, path: ['name'] }))
        return setErrors(issuesToErrors(issues, FIELDS, t))
      }
      const other = Object.entries(next).find(
        ([, n]) => n.toLocaleLowerCase() === trimmed.toLocaleLowerCase(),
      )
      if (other)
        return setErrors({
          form: null,
          fields: { name: t('skillNames.nameTaken', { id: other[0] }) },
        })
      next[id] = trimmed
    }
    if ((names[id] ?? '') === trimmed) return onClose() // nothing changed
    save.mutate(next, {
      onSuccess: () => onClose(),
      onError: (err) => setErrors(apiErrorToErrors(err, FIELDS, t)),
    })
  }

  return (
    <FormDialog
      open={open}
      title={t('skillNames.dialogTitle', { id })}
      pending={save.isPending}
      formError={errors.form}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('skillNames.name')}
        name="name"
        autoFocus
        autoComplete="off"
        value={name}
        onChange={(e) => {
          setName(e.target.value)
          if (errors.fields.name) setErrors(noErrors)
        }}
        error={!!errors.fields.name}
        helperText={errors.fields.name ?? t('skillNames.nameHelp', { count: MAX_SKILL_NAME_CHARS })}
      />
    </FormDialog>
  )
}
