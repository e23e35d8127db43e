import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '@/shared/auth'
import { isApiError } from '@/lib/api-client'
import { useUpdateProfile } from '../api/update-profile'
import {
  PROFILE_FIELDS,
  type ProfileDraft,
  type ProfileField,
  type ProfileIssue,
  checkProfile,
} from '../utils/profile-form'

const MAX_CHARS: Record<ProfileField, number> = { deviceId: 100, phoneNumber: 40 }

interface ProfileFormProps {
  me: Me
  onSaved: (me: Me) => void
}

/** The supervisor's extension and number, checked here first and by the relay again. */
export function ProfileForm({ me, onSaved }: ProfileFormProps) {
  const { t } = useTranslation('profile')
  const [draft, setDraft] = useState<ProfileDraft>({
    deviceId: me.deviceId ?? '',
    phoneNumber: me.phoneNumber ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const save = useUpdateProfile(onSaved)

  const issueText = (field: ProfileField, issue: ProfileIssue) =>
    issue === 'tooLong'
      ? t('validation.maxChars', { count: MAX_CHARS[field] })
      : t(`profile.${field}Invalid`)

  const set = (field: ProfileField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setSaved(false)
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (save.isPending) return
    setFormError(null)
    const checked = checkProfile(draft)
    if (!checked.ok) {
      const next: Partial<Record<ProfileField, string>> = {}
      for (const field of PROFILE_FIELDS) {
        const issue = checked.issues[field]
        if (issue) next[field] = issueText(field, issue)
      }
      setErrors(next)
      return
    }
    save.mutate(checked.body, {
      onSuccess: (next) => {
        setDraft({ deviceId: next.deviceId ?? '', phoneNumber: next.phoneNumber ?? '' })
        setSaved(true)
      },
      onError: (error) => {
        // The relay names the field it refused (`deviceId: …`): say it there.
        const field = isApiError(error) && error.status === 400 ? error.field : null
        if (field && (PROFILE_FIELDS as readonly string[]).includes(field.name)) {
          setErrors({ [field.name as ProfileField]: field.message })
          return
        }
        setFormError(
          isApiError(error) && error.error === 'network'
            ? t('errors.network')
            : t('errors.generic', { message: error instanceof Error ? error.message : '' }),
        )
      },
    })
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      aria-label={t('profile.formLabel')}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}
    >
      {formError && (
        <Alert severity="error" role="alert">
          {formError}
        </Alert>
      )}
      {PROFILE_FIELDS.map((field) => (
        <TextField
          key={field}
          name={field}
          label={t(`profile.${field}`)}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
          error={!!errors[field]}
          helperText={errors[field] ?? t(`profile.${field}Help`)}
          autoComplete="off"
          slotProps={{
            htmlInput: {
              spellCheck: false,
              inputMode: field === 'phoneNumber' ? 'tel' : 'text',
              style: { fontVariantNumeric: 'tabular-nums' },
            },
          }}
        />
      ))}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Box
          component="span"
          role="status"
          sx={{ color: 'success.main', fontSize: '0.875rem', fontWeight: 500 }}
        >
          {saved ? t('profile.saved') : ''}
        </Box>
        <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8125rem', ml: 'auto' }}>
          {t('profile.clearHint')}
        </Box>
      </Box>
    </Box>
  )
}
