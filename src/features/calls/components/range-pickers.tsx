import Box from '@mui/material/Box'
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker'
import { useTranslation } from 'react-i18next'
import { fromWallClock, toWallClock } from '../utils/wall-clock'

const FORMAT = 'yyyy-MM-dd HH:mm:ss' // as the platform writes query times
const VIEWS = ['year', 'month', 'day', 'hours', 'minutes', 'seconds'] as const

interface RangePickersProps {
  from: string
  to: string
  onChange: (range: { from: string; to: string }) => void
  fromError?: string | undefined
  toError?: string | undefined
}

/** Begin and end of the range, in platform time (China) whatever the browser's zone. */
export function RangePickers({ from, to, onChange, fromError, toError }: RangePickersProps) {
  const { t } = useTranslation('calls')
  const picker = (
    which: 'from' | 'to',
    value: string,
    error: string | undefined,
    label: string,
  ) => (
    <DateTimePicker
      label={label}
      value={toWallClock(value)}
      onChange={(date) => {
        const text = fromWallClock(date)
        // A half-typed date stays in the field; only a whole one becomes the range.
        if (text !== '' || date === null) onChange({ from, to, [which]: text })
      }}
      format={FORMAT}
      ampm={false}
      views={VIEWS}
      timeSteps={{ hours: 1, minutes: 1, seconds: 1 }}
      slotProps={{
        textField: {
          size: 'small',
          error: error !== undefined,
          helperText: error ?? t('callRecords.platformTime'),
          sx: { width: 250 },
          name: which,
        },
      }}
    />
  )
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
      {picker('from', from, fromError, t('callRecords.from'))}
      {picker('to', to, toError, t('callRecords.to'))}
    </Box>
  )
}
