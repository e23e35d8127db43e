import CheckBoxOutlineBlankRounded from '@mui/icons-material/CheckBoxOutlineBlankRounded'
import CheckBoxRounded from '@mui/icons-material/CheckBoxRounded'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'

export interface Option {
  value: string
  label: string
  /** Indent in the list (org-tree depth). */
  depth?: number
}

interface MultiSelectProps {
  label: string
  options: readonly Option[]
  value: readonly string[]
  onChange: (value: string[]) => void
  width?: number
}

/**
 * A compact multiple choice; shows "n selected" instead of a row of chips. The list answers
 * typed letters by moving to the next option that starts with them (the menu's own type-ahead).
 */
export function MultiSelect({ label, options, value, onChange, width = 200 }: MultiSelectProps) {
  const { t } = useTranslation()
  // Keep selections whose option vanished (e.g. from a shared URL) so they can be cleared.
  const shown: Option[] = [
    ...options,
    ...value
      .filter((v) => !options.some((o) => o.value === v))
      .map((v) => ({ value: v, label: v })),
  ]
  const labelOf = (v: string) => shown.find((o) => o.value === v)?.label ?? v
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => {
        const next = e.target.value as unknown
        onChange(typeof next === 'string' ? next.split(',') : [...(next as string[])])
      }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (chosen) => {
            const list = chosen as string[]
            return list.length === 1
              ? labelOf(list[0] ?? '')
              : t('floor.selected', { count: list.length })
          },
          MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } },
        },
      }}
      sx={{ width }}
    >
      {shown.length === 0 && (
        <MenuItem disabled value="">
          {t('floor.noOptions')}
        </MenuItem>
      )}
      {shown.map((option) => {
        const selected = value.includes(option.value)
        return (
          <MenuItem
            key={option.value}
            value={option.value}
            sx={{ pl: 1.5 + (option.depth ?? 0) * 2 }}
          >
            {selected ? (
              <CheckBoxRounded fontSize="small" color="primary" sx={{ mr: 1 }} />
            ) : (
              <CheckBoxOutlineBlankRounded
                fontSize="small"
                sx={{ mr: 1, color: 'text.secondary' }}
              />
            )}
            {option.label}
          </MenuItem>
        )
      })}
    </TextField>
  )
}
