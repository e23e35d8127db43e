import InputAdornment from '@mui/material/InputAdornment'
import NativeSelect from '@mui/material/NativeSelect'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { humanDuration } from '../utils/duration'
import { type DurationDraft, durationSeconds } from '../utils/settings-draft'

interface DurationFieldProps {
  /** Names the field for screen readers (the table's headers say it for everyone else). */
  label: string
  value: DurationDraft
  onChange: (value: DurationDraft) => void
  error?: string | undefined
  /** Shown when blank (an override left to the default): the value that then applies, in seconds. */
  inherited?: number | undefined
}

/** A duration typed in seconds or minutes, with what it means in plain words below. */
export function DurationField({ label, value, onChange, error, inherited }: DurationFieldProps) {
  const { t } = useTranslation('admin')
  const seconds = durationSeconds(value)
  const blank = value.text.trim() === ''
  // Plain words only where they add something: "90 秒" reads "1 分 30 秒", "30 秒" reads itself.
  const typed =
    value.unit === 'min'
      ? t('thresholds.dur.m', { count: Number(value.text) })
      : t('thresholds.dur.s', { count: Number(value.text) })
  const words = Number.isFinite(seconds) ? humanDuration(t, seconds) : null
  const helper =
    error ??
    (blank
      ? inherited !== undefined
        ? t('thresholds.inherits', { value: humanDuration(t, inherited) })
        : ' '
      : words && words !== typed
        ? words
        : ' ')
  // The unit says what the typed number means; it never rewrites the number. A lead who types
  // 30 and then picks 秒 means 30 seconds (converting turned it into 1800 s, or 30 s into 0.5).
  const switchUnit = (unit: DurationDraft['unit']) => onChange({ ...value, unit })
  return (
    <TextField
      size="small"
      value={value.text}
      onChange={(e) => onChange({ ...value, text: e.target.value })}
      error={!!error}
      helperText={helper}
      placeholder={blank && inherited !== undefined ? t('thresholds.default') : undefined}
      sx={{ width: 220 }}
      slotProps={{
        htmlInput: { 'aria-label': label, inputMode: 'decimal', autoComplete: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <NativeSelect
                disableUnderline
                value={value.unit}
                onChange={(e) => switchUnit(e.target.value === 'min' ? 'min' : 'sec')}
                inputProps={{ 'aria-label': t('thresholds.unitLabel', { field: label }) }}
                // Wide enough for 分钟 and min: a clipped unit is a wrong unit.
                sx={{ fontSize: '0.875rem', minWidth: '4.5em' }}
              >
                <option value="sec">{t('thresholds.unitSec')}</option>
                <option value="min">{t('thresholds.unitMin')}</option>
              </NativeSelect>
            </InputAdornment>
          ),
        },
      }}
    />
  )
}
