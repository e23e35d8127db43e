import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DatesProvider } from '@/components/ui/dates-provider'
import { liveServerNow } from '../hooks/use-replay-driver'
import { useReplayStore } from '../stores/replay-store'
import { fromPickerValue, toPickerValue } from '../utils/replay-time'

const MINUTE_MS = 60_000
const QUICK = [
  { key: 'ago15', ms: 15 * MINUTE_MS },
  { key: 'ago60', ms: 60 * MINUTE_MS },
] as const
const FORMAT = 'yyyy-MM-dd HH:mm:ss' // as the platform writes times
const VIEWS = ['year', 'month', 'day', 'hours', 'minutes', 'seconds'] as const

/** Which moment to look back to: a quick "15 minutes ago", or a date and time in platform time. */
export function LookBackForm({ titleId, onDone }: { titleId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const lookBack = useReplayStore((s) => s.lookBack)
  // Opened at the moment shown, or a quarter of an hour ago.
  const [now] = useState(liveServerNow)
  const shown = useReplayStore((s) => s.at)
  const [value, setValue] = useState<Date | null>(() => toPickerValue(shown ?? now - QUICK[0].ms))
  const [error, setError] = useState<string | null>(null)
  const go = (at: number) => {
    lookBack(at)
    onDone()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const at = fromPickerValue(value)
    if (at === null) setError(t('replay.incomplete'))
    else if (at > liveServerNow()) setError(t('replay.future'))
    else go(at)
  }
  return (
    <Box
      component="form"
      onSubmit={submit}
      noValidate
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography id={titleId} variant="subtitle1" component="h2">
        {t('replay.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        {QUICK.map((q) => (
          <Button
            key={q.key}
            size="small"
            variant="outlined"
            onClick={() => go(liveServerNow() - q.ms)}
          >
            {t(`replay.${q.key}`)}
          </Button>
        ))}
      </Box>
      <DatesProvider>
        <DateTimePicker
          label={t('replay.moment')}
          value={value}
          onChange={(date) => {
            setValue(date)
            setError(null)
          }}
          format={FORMAT}
          ampm={false}
          views={VIEWS}
          timeSteps={{ hours: 1, minutes: 1, seconds: 1 }}
          maxDateTime={toPickerValue(now)}
          slotProps={{
            textField: {
              size: 'small',
              name: 'at',
              error: error !== null,
              helperText: error ?? t('replay.platformTime'),
            },
          }}
        />
      </DatesProvider>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        <Button onClick={onDone}>{t('replay.cancel')}</Button>
        <Button type="submit" variant="contained">
          {t('replay.show')}
        </Button>
      </Box>
    </Box>
  )
}
