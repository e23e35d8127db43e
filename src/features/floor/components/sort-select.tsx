import PriorityHighRounded from '@mui/icons-material/PriorityHighRounded'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import { useTranslation } from 'react-i18next'
import { SORT_KEYS, type SortKey } from '../utils/floor-view'

const SORT_LABEL_KEYS = {
  exceptions: 'floorOrder.sortExceptions',
  state: 'floor.sortState',
  time: 'floor.sortTime',
  name: 'floor.sortName',
} as const

interface SortSelectProps {
  value: SortKey
  onChange: (sort: SortKey) => void
  /** Agents past their red, then amber threshold ahead of the rest (which keep `value`'s order). */
  breachFirst?: boolean
  onBreachFirstChange?: (breachFirst: boolean) => void
}

/**
 * The sort order (exceptions first by default), and for the other orders whether breaching
 * agents come first.
 */
export function SortSelect({ value, onChange, breachFirst, onBreachFirstChange }: SortSelectProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextField
        select
        size="small"
        label={t('floor.sortLabel')}
        value={value}
        onChange={(e) => {
          const next = SORT_KEYS.find((k) => k === e.target.value)
          if (next) onChange(next)
        }}
        sx={{ minWidth: 150 }}
      >
        {SORT_KEYS.map((key) => (
          <MenuItem key={key} value={key}>
            {t(SORT_LABEL_KEYS[key])}
          </MenuItem>
        ))}
      </TextField>
      {/* Exceptions first already puts breaching agents ahead. */}
      {onBreachFirstChange && value !== 'exceptions' && (
        <ToggleButton
          value="breachFirst"
          size="small"
          selected={breachFirst === true}
          onChange={() => onBreachFirstChange(!breachFirst)}
          sx={{ height: 40, gap: 0.5, px: 1.25, whiteSpace: 'nowrap' }}
        >
          <PriorityHighRounded fontSize="small" aria-hidden />
          {t('thresholds.breachFirst')}
        </ToggleButton>
      )}
    </>
  )
}
