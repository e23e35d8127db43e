import SearchRounded from '@mui/icons-material/SearchRounded'
import TodayRounded from '@mui/icons-material/TodayRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFilterHint } from '../hooks/use-filter-hint'
import { useFormFieldLabel } from '../hooks/use-field-label'
import { type ListSearch, type Order, type TextFilter, defaultRange } from '../utils/list-search'
import type { FormField } from '../utils/validate-search'
import { RangePickers } from './range-pickers'

/** What the form sends: the range and the text filters. */
export type FiltersDraft = Pick<ListSearch, 'from' | 'to' | TextFilter>

interface FiltersFormProps {
  search: ListSearch
  /** The text filters this tab offers, in order. */
  fields: readonly TextFilter[]
  /** Fields that must be filled (the robot tab's campaign). */
  required?: readonly TextFilter[]
  /** Messages per field, already in words. */
  errors: Partial<Record<FormField, string>>
  onSearch: (draft: FiltersDraft) => void
  onOrderChange: (order: Order) => void
}

/**
 * The query of a tab: range, number filters and order. The fields are a draft until "Search";
 * the order applies at once. Remount it (a `key`) when the URL changes, so it shows the URL.
 */
export function FiltersForm({
  search,
  fields,
  required = [],
  errors,
  onSearch,
  onOrderChange,
}: FiltersFormProps) {
  const { t } = useTranslation('calls')
  const label = useFormFieldLabel()
  const hintOf = useFilterHint()
  const [draft, setDraft] = useState<FiltersDraft>(() => ({ ...search }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSearch(draft)
  }
  return (
    <Box
      component="form"
      role="search"
      aria-label={t('callRecords.filtersLabel')}
      onSubmit={submit}
      noValidate
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1.5 }}
    >
      <RangePickers
        from={draft.from}
        to={draft.to}
        onChange={(range) => setDraft((d) => ({ ...d, ...range }))}
        fromError={errors.from}
        toError={errors.to}
      />
      <Button
        variant="text"
        size="small"
        startIcon={<TodayRounded />}
        onClick={() => onSearch({ ...draft, ...defaultRange(Date.now()) })}
        sx={{ mt: 0.5 }}
      >
        {t('callRecords.today')}
      </Button>
      {fields.map((field) => {
        const isRequired = required.includes(field)
        return (
          <TextField
            key={field}
            name={field}
            label={label(field)}
            value={draft[field]}
            onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            size="small"
            required={isRequired}
            error={errors[field] !== undefined}
            helperText={errors[field] ?? hintOf(field, draft[field]) ?? ' '}
            slotProps={{
              htmlInput: {
                maxLength: 100,
                ...(field === 'resultCode' ? { inputMode: 'numeric' } : {}),
              },
            }}
            sx={{ width: field === 'uuiValue' || field === 'batchName' ? 200 : 170 }}
          />
        )
      })}
      <TextField
        select
        label={t('callRecords.order')}
        value={search.order}
        onChange={(e) => onOrderChange(e.target.value as Order)}
        size="small"
        helperText=" "
        sx={{ width: 160 }}
      >
        <MenuItem value="newest">{t('callRecords.newest')}</MenuItem>
        <MenuItem value="oldest">{t('callRecords.oldest')}</MenuItem>
      </TextField>
      <Button type="submit" variant="contained" startIcon={<SearchRounded />} sx={{ mt: 0.25 }}>
        {t('callRecords.search')}
      </Button>
    </Box>
  )
}
