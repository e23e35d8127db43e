import Autocomplete from '@mui/material/Autocomplete'
import Chip from '@mui/material/Chip'
import TextField from '@mui/material/TextField'
import { useState } from 'react'

interface ChipsInputProps {
  label: string
  value: readonly string[]
  onChange: (value: string[]) => void
  /** Suggestions (e.g. skill groups already in use); anything else may be typed. */
  options?: readonly string[]
  helperText?: string
  error?: boolean
  name?: string
  /** How a value is shown (e.g. a skill group by name); default: as is. Typing matches it too. */
  labelOf?: (value: string) => string
}

const SEPARATORS = /[,，;；\s]+/ // comma (also the full-width one), semicolon or space

/** Free text entered as chips: Enter, a comma or leaving the field adds what was typed. */
export function ChipsInput({
  label,
  value,
  onChange,
  options = [],
  helperText,
  error,
  name,
  labelOf = (value) => value,
}: ChipsInputProps) {
  const [input, setInput] = useState('')
  const add = (items: string[]) => {
    const next = [...value]
    for (const raw of items) {
      const item = raw.trim()
      if (item && !next.includes(item)) next.push(item)
    }
    onChange(next)
  }
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={options.filter((o) => !value.includes(o))}
      value={[...value]}
      getOptionLabel={labelOf}
      inputValue={input}
      onInputChange={(_, text, reason) => {
        // A comma (or a pasted list) turns what came before it into chips.
        if (reason === 'input' && SEPARATORS.test(text)) {
          const parts = text.split(SEPARATORS)
          const rest = parts.pop() ?? ''
          add(parts)
          setInput(rest)
          return
        }
        setInput(text)
      }}
      onChange={(_, next) => {
        onChange([...new Set(next.map((v) => v.trim()).filter(Boolean))])
      }}
      renderValue={(chosen, getItemProps) =>
        chosen.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index })
          return (
            <Chip key={key} size="small" label={labelOf(option)} title={option} {...itemProps} />
          )
        })
      }
      renderInput={(params) => (
        <TextField {...params} label={label} name={name} helperText={helperText} error={error} />
      )}
    />
  )
}
