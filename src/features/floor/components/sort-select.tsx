import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { SORT_KEYS, type SortKey } from '../utils/floor-view'

const SORT_LABEL_KEYS = {
  state: 'floor.sortState',
  time: 'floor.sortTime',
  name: 'floor.sortName',
} as const

export function SortSelect({
  value,
  onChange,
}: {
  value: SortKey
  onChange: (sort: SortKey) => void
}) {
  const { t } = useTranslation()
  return (
    <TextField
      select
      size="small"
      label={t('floor.sortLabel')}
      value={value}
      onChange={(e) => {
        const next = SORT_KEYS.find((k) => k === e.target.value)
        if (next) onChange(next)
      }}
      sx={{ width: 150 }}
    >
      {SORT_KEYS.map((key) => (
        <MenuItem key={key} value={key}>
          {t(SORT_LABEL_KEYS[key])}
        </MenuItem>
      ))}
    </TextField>
  )
}
