import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useTick } from '@/hooks/use-tick'
import { htmlLang } from '@/lib/i18n'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'

const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>()

function formatsFor(locale: string, timeZone: string) {
  const key = `${locale}|${timeZone}`
  let f = formats.get(key)
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, {
        timeZone,
        month: 'long',
        day: 'numeric',
        weekday: 'short',
      }),
      time: new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
    }
    formats.set(key, f)
  }
  return f
}

interface PlatformClockProps {
  /** Server clock minus local clock, ms: the wall shows the relay's time, not the screen's. */
  offsetMs: number
  timeZone?: string
}

/**
 * The time and date in the platform's zone (China), whatever zone the screen's browser is set
 * to, on the server's clock; ticking with every other timer on the page.
 */
export function PlatformClock({ offsetMs, timeZone = DEFAULT_PLATFORM_TZ }: PlatformClockProps) {
  const { t } = useTranslation('wall')
  const now = useTick() + offsetMs
  const f = formatsFor(htmlLang(useLanguage()), timeZone)
  const time = f.time.format(now)
  return (
    <Box
      component="time"
      dateTime={new Date(now).toISOString()}
      sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', lineHeight: 1 }}
    >
      <Box
        component="span"
        data-clock
        sx={{ fontSize: 'max(24px, 4.4vh)', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
      >
        {time}
      </Box>
      <Box
        component="span"
        sx={{
          fontSize: 'max(12px, 1.6vh)',
          color: 'text.secondary',
          mt: '0.4vh',
          whiteSpace: 'nowrap',
        }}
      >
        {f.day.format(now)} · {t('wall.platformTime')}
      </Box>
    </Box>
  )
}
