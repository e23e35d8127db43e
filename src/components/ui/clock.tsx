import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useTick } from '@/hooks/use-tick'
import { formatClock } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'

const dateFormats = new Map<string, Intl.DateTimeFormat>()

function formatDay(epochMs: number, locale: string): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      timeZone: DEFAULT_PLATFORM_TZ,
    })
    dateFormats.set(locale, format)
  }
  return format.format(epochMs)
}

/** The platform's time, ticking with every other timer on the page, and today's date there. */
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
