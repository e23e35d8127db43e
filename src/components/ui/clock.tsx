import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useTick } from '@/hooks/use-tick'
import { formatClock } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'

const dateFormats = new Map<string, Intl.DateTimeFormat>()

function formatDay(epochMs: number, locale: string): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'short' })
    dateFormats.set(locale, format)
  }
  return format.format(epochMs)
}

/** The local time, ticking with every other timer on the page, and today's date. */
export function Clock() {
  const { t } = useTranslation()
  const now = useTick()
  const locale = htmlLang(useLanguage())
  return (
    <Box
      component="time"
      dateTime={new Date(now).toISOString()}
      title={t('wall.clock')}
      sx={{ display: 'flex', alignItems: 'baseline', gap: 1, whiteSpace: 'nowrap' }}
    >
      <Box component="span" sx={{ fontSize: '0.875rem', color: 'text.secondary' }}>
        {formatDay(now, locale)}
      </Box>
      <Box
        component="span"
        sx={{ fontSize: '1.75rem', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
      >
        {formatClock(now)}
      </Box>
    </Box>
  )
}
