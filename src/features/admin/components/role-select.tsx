import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from '@/shared/auth'

interface RoleSelectProps {
  value: Role
  onChange: (role: Role) => void
  disabled?: boolean
  helperText?: string | undefined
  error?: boolean
}

/** Admin, supervisor or viewer. */
export function RoleSelect({ value, onChange, disabled, helperText, error }: RoleSelectProps) {
  const { t } = useTranslation('admin')
  return (
    <TextField
      select
      label={t('users.role')}
      name="role"
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
      disabled={disabled}
      helperText={helperText}
      error={error}
      fullWidth
    >
      {ROLES.map((role) => (
        <MenuItem key={role} value={role}>
          {t(`roles.${role}`)}
        </MenuItem>
      ))}
    </TextField>
  )
}
