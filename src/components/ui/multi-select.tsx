import CheckBoxOutlineBlankRounded from '@mui/icons-material/CheckBoxOutlineBlankRounded'
import CheckBoxRounded from '@mui/icons-material/CheckBoxRounded'
import Autocomplete from '@mui/material/Autocomplete'
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

/** A compact multiple choice with type-ahead; shows "n selected" instead of a row of chips. */
export function MultiSelect({ label, options, value, onChange, width = 200 }: MultiSelectProps) {
  const { t } = useTranslation()
  const selected = options.filter((o) => value.includes(o.value))
  // Keep selections whose option vanished (e.g. from a shared URL) so they can be cleared.
  for (const v of value)
    if (!selected.some((o) => o.value === v)) selected.push({ value: v, label: v })
  return (
    <Autocomplete
      multiple
      size="small"
      disableCloseOnSelect
      options={options}
      value={selected}
      onChange={(_, next) => onChange(next.map((o) => o.value))}
      isOptionEqualToValue={(a, b) => a.value === b.value}
      getOptionLabel={(o) => o.label}
      noOptionsText={t('floor.noOptions')}
      renderValue={(chosen) =>
        chosen.length === 1
          ? (chosen[0]?.label ?? '')
          : t('floor.selected', { count: chosen.length })
      }
      renderOption={(props, option, { selected: isSelected }) => {
        const { key, ...rest } = props
        return (
          <li key={key} {...rest} style={{ paddingLeft: 12 + (option.depth ?? 0) * 16 }}>
            {isSelected ? (
              <CheckBoxRounded fontSize="small" color="primary" sx={{ mr: 1 }} />
            ) : (
              <CheckBoxOutlineBlankRounded
                fontSize="small"
                sx={{ mr: 1, color: 'text.secondary' }}
              />
            )}
            {option.label}
          </li>
        )
      }}
      renderInput={(params) => <TextField {...params} label={label} />}
      sx={{ width }}
    />
  )
}
