import VisibilityOffRounded from '@mui/icons-material/VisibilityOffRounded'
import VisibilityRounded from '@mui/icons-material/VisibilityRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import type { TFunction } from 'i18next'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type LoginBody, loginBodySchema } from '@/shared/auth'
import { isApiError } from '@/lib/api-client'
import { useLogin } from '../api/login'

export interface Credentials {
  username: string
  password: string
}

interface LoginFormProps {
  value: Credentials
  onChange: (value: Credentials) => void
  /** After the relay accepted the credentials (the cookies are set). */
  onSignedIn: () => Promise<void> | void
}

type FieldErrors = Partial<Record<keyof LoginBody, string>>

const SECONDS_PER_MINUTE = 60

/** What went wrong, in the user's words: wrong password, disabled, throttled, no network. */
export function loginErrorMessage(error: unknown, t: TFunction<'login'>): string {
  if (!isApiError(error)) return t('auth.failed', { message: String(error) })
  if (error.error === 'network') return t('auth.network')
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSec ?? SECONDS_PER_MINUTE) / 60))
    return t('auth.throttled', { count: minutes })
  }
  if (error.status === 401) {
    return error.reason === 'disabled' ? t('auth.disabled') : t('auth.badCredentials')
  }
  return t('auth.failed', { message: error.message })
}

/** User name and password; says plainly why a sign-in failed. */
export function LoginForm({ value, onChange, onSignedIn }: LoginFormProps) {
  const { t } = useTranslation('login')
  const login = useLogin()
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [showPassword, setShowPassword] = useState(false)
  // Signed in, now learning who we are: the button keeps spinning until the page changes.
  const [finishing, setFinishing] = useState(false)
  const busy = login.isPending || finishing
  const usernameRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = loginBodySchema.safeParse(value)
    if (!body.success) {
      const errors: FieldErrors = {}
      for (const issue of body.error.issues) {
        if (issue.path[0] === 'username') errors.username = t('auth.usernameRequired')
        if (issue.path[0] === 'password') errors.password = t('auth.passwordRequired')
      }
      setFieldErrors(errors)
      ;(errors.username ? usernameRef : passwordRef).current?.focus()
      return
    }
    setFieldErrors({})
    login.mutate(body.data, {
      onSuccess: () => {
        setFinishing(true)
        void Promise.resolve(onSignedIn()).finally(() => setFinishing(false))
      },
      onError: () => passwordRef.current?.select(),
    })
  }

  const set = (field: keyof Credentials, text: string) => {
    onChange({ ...value, [field]: text })
    if (fieldErrors[field]) setFieldErrors({ ...fieldErrors, [field]: undefined })
  }

  const toggleLabel = showPassword ? t('auth.hidePassword') : t('auth.showPassword')
  return (
    <Box
      component="form"
      noValidate
      aria-label={t('auth.formLabel')}
      onSubmit={submit}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      {login.isError && (
        <Alert severity="error" role="alert">
          {loginErrorMessage(login.error, t)}
        </Alert>
      )}
      <TextField
        label={t('auth.username')}
        name="username"
        autoComplete="username"
        autoFocus
        required
        value={value.username}
        onChange={(e) => set('username', e.target.value)}
        error={!!fieldErrors.username}
        helperText={fieldErrors.username}
        inputRef={usernameRef}
        slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type={showPassword ? 'text' : 'password'}
        autoComplete="current-password"
        required
        value={value.password}
        onChange={(e) => set('password', e.target.value)}
        error={!!fieldErrors.password}
        helperText={fieldErrors.password}
        inputRef={passwordRef}
        slotProps={{
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  aria-label={toggleLabel}
                  aria-pressed={showPassword}
                  onClick={() => setShowPassword((s) => !s)}
                  edge="end"
                >
                  {showPassword ? <VisibilityOffRounded /> : <VisibilityRounded />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Button type="submit" variant="contained" size="large" loading={busy} loadingPosition="start">
        {busy ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </Box>
  )
}
