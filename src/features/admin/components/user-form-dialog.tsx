import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type AdminUser,
  type CreatedUser,
  createUserBodySchema,
  updateUserBodySchema,
} from '@/shared/admin'
import type { Role } from '@/shared/auth'
import { ChipsInput } from '@/components/ui/chips-input'
import { useSkillName } from '@/hooks/use-skill-names'
import { DepartmentPicker } from './department-picker'
import { RoleSelect } from './role-select'
import { useCreateUser } from '../api/create-user'
import { useUpdateUser } from '../api/update-user'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { type FormErrors, apiErrorToErrors, issuesToErrors, noErrors } from '../utils/form-errors'
import { FormDialog } from './form-dialog'

const FIELDS = ['username', 'role', 'orgPrefix', 'skills', 'password'] as const
type Field = (typeof FIELDS)[number]

interface UserFormDialogProps {
  open: boolean
  /** The user to edit; null to add one. */
  user: AdminUser | null
  /** Editing one's own account: the role cannot change. */
  isSelf: boolean
  /** Skill groups already in use, offered as suggestions. */
  knownSkills: readonly string[]
  onClose: () => void
  onCreated: (created: CreatedUser) => void
}

interface Draft {
  username: string
  role: Role
  orgPrefix: string
  skills: string[]
  password: string
}

function draftOf(user: AdminUser | null): Draft {
  return {
    username: user?.username ?? '',
    role: user?.role ?? 'viewer',
    orgPrefix: user?.scope.orgPrefix ?? '',
    skills: user?.scope.skills ?? [],
    password: '',
  }
}

/** Add a user, or change one's role, department and skill groups. */
export function UserFormDialog(props: UserFormDialogProps) {
  // A fresh form (and fresh errors) each time the dialog opens.
  return <UserForm key={useFreshFormKey(props.open)} {...props} />
}

function UserForm({ open, user, isSelf, knownSkills, onClose, onCreated }: UserFormDialogProps) {
  const { t } = useTranslation('admin')
  const skillName = useSkillName()
  const [draft, setDraft] = useState<Draft>(() => draftOf(user))
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors)
  const create = useCreateUser()
  const update = useUpdateUser()
  const pending = create.isPending || update.isPending
  const editing = user !== null

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }))
    if (errors.fields[field])
      setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }))
  }

  const onConflict = (message: string): Partial<FormErrors<Field>> =>
    message.startsWith('username:')
      ? { fields: { username: t('users.usernameTaken') } }
      : { form: isSelf ? t('users.cannotChangeSelf') : message }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (pending) return
    const orgPrefix = draft.orgPrefix.trim() || null
    const skills = draft.skills.length > 0 ? draft.skills : null
    if (!editing) {
      const body = {
        username: draft.username,
        role: draft.role,
        orgPrefix,
        skills,
        ...(draft.password ? { password: draft.password } : {}),
      }
      const checked = createUserBodySchema.safeParse(body)
      if (!checked.success) return setErrors(issuesToErrors(checked.error.issues, FIELDS, t))
      create.mutate(body, {
        onSuccess: (created) => onCreated(created),
        onError: (err) => setErrors(apiErrorToErrors(err, FIELDS, t, onConflict)),
      })
      return
    }
    const body = {
      ...(draft.role !== user.role && !isSelf ? { role: draft.role } : {}),
      ...(orgPrefix !== user.scope.orgPrefix ? { orgPrefix } : {}),
      ...(!sameList(skills, user.scope.skills) ? { skills } : {}),
    }
    if (Object.keys(body).length === 0) return onClose() // nothing changed
    const checked = updateUserBodySchema.safeParse(body)
    if (!checked.success) return setErrors(issuesToErrors(checked.error.issues, FIELDS, t))
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => onClose(),
        onError: (err) => setErrors(apiErrorToErrors(err, FIELDS, t, onConflict)),
      },
    )
  }

  return (
    <FormDialog
      open={open}
      title={editing ? t('users.editTitle', { name: user.username }) : t('users.createTitle')}
      pending={pending}
      formError={errors.form}
      submitLabel={editing ? t('common.save') : t('common.create')}
      onClose={onClose}
      onSubmit={submit}
    >
      {!editing && (
        <TextField
          label={t('users.username')}
          name="username"
          required
          autoFocus
          autoComplete="off"
          value={draft.username}
          onChange={(e) => set('username', e.target.value)}
          error={!!errors.fields.username}
          helperText={errors.fields.username}
          slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
        />
      )}
      <RoleSelect
        value={draft.role}
        onChange={(role) => set('role', role)}
        disabled={isSelf}
        helperText={errors.fields.role ?? (isSelf ? t('users.roleSelfHint') : undefined)}
        error={!!errors.fields.role}
      />
      <DepartmentPicker
        value={draft.orgPrefix}
        onChange={(treePos) => set('orgPrefix', treePos)}
        autoFocus={editing}
        error={!!errors.fields.orgPrefix}
        helperText={errors.fields.orgPrefix}
      />
      <ChipsInput
        label={t('admin.skills')}
        name="skills"
        value={draft.skills}
        options={knownSkills}
        labelOf={skillName}
        onChange={(skills) => set('skills', skills)}
        error={!!errors.fields.skills}
        helperText={errors.fields.skills ?? t('admin.skillsHelp')}
      />
      {!editing && (
        <TextField
          label={t('users.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => set('password', e.target.value)}
          error={!!errors.fields.password}
          helperText={errors.fields.password ?? t('users.passwordHelp')}
        />
      )}
    </FormDialog>
  )
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b
  return a.length === b.length && a.every((v, i) => v === b[i])
}
