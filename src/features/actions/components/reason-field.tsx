import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'

export const REASON_MAX = 200 // characters, as the relay allows

const QUICK_REASONS = ['training', 'meeting', 'break', 'endOfShift'] as const

interface ReasonFieldProps {
  value: string
  onChange: (value: string) => void
  autoFocus?: boolean
}

/** Why an agent is set not ready or logged out: free text, or one of a few usual reasons. */
export function ReasonField({ value, onChange, autoFocus }: ReasonFieldProps) {
  const { t } = useTranslation()
  const tooLong = value.trim().length > REASON_MAX
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.25 }}>
      <TextField
        label={t('actions.reason.label')}
        name="reason"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus={autoFocus}
        autoComplete="off"
        fullWidth
        error={tooLong}
        helperText={
          tooLong ? t('validation.maxChars', { count: REASON_MAX }) : t('actions.reason.help')
        }
      />
      <Box
        role="group"
        aria-label={t('actions.reason.quick')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
      >
        {QUICK_REASONS.map((key) => {
          const text = t(`actions.reason.${key}`)
          return (
            <Chip
              key={key}
              label={text}
              size="small"
              variant={value.trim() === text ? 'filled' : 'outlined'}
              color={value.trim() === text ? 'primary' : 'default'}
              onClick={() => onChange(text)}
            />
          )
        })}
      </Box>
    </Box>
  )
}
