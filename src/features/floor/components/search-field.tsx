import ClearRounded from '@mui/icons-material/ClearRounded'
import SearchRounded from '@mui/icons-material/SearchRounded'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import { useEffect, useEffectEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'

const DEBOUNCE_MS = 200 // ms after the last key: typing does not rewrite the URL on every key

interface SearchFieldProps {
  value: string
  onChange: (value: string) => void
}

/**
 * Search by name or id; the text updates the view (and the URL) shortly after typing stops, or
 * at once on Enter.
 */
export function SearchField({ value, onChange }: SearchFieldProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  const [synced, setSynced] = useState(value)
  // The URL changed from elsewhere (back button, clear filters): show it.
  if (value !== synced) {
    setSynced(value)
    setText(value)
  }

  // The parent hands a new `onChange` on every render, and the floor renders on every batch of
  // updates: the wait must depend on the text alone, or live traffic restarts it forever.
  const apply = useEffectEvent((next: string) => onChange(next))
  useEffect(() => {
    if (text.trim() === value) return
    const timer = setTimeout(() => apply(text.trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, value])

  return (
    <TextField
      size="small"
      type="search"
      placeholder={t('floor.searchPlaceholder')}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          if (text.trim() !== value) onChange(text.trim())
        } else if (e.key === 'Escape' && text !== '') {
          e.stopPropagation()
          setText('')
        }
      }}
      sx={{ width: 220, '& input[type=search]::-webkit-search-cancel-button': { display: 'none' } }}
      slotProps={{
        htmlInput: { 'aria-label': t('floor.searchLabel') },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchRounded fontSize="small" />
            </InputAdornment>
          ),
          endAdornment: text ? (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                aria-label={t('floor.clearSearch')}
                onClick={() => setText('')}
              >
                <ClearRounded fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : null,
        },
      }}
    />
  )
}
