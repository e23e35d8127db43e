import RepeatRounded from '@mui/icons-material/RepeatRounded'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { dayCallsUrl } from '@/lib/day-calls-link'
import { DEFAULT_PLATFORM_TZ, startOfPlatformDay } from '@/shared/platform-time'

// Which English ordinal ending a count takes (1st, 2nd, 3rd, 4th): the words are the locale's.
const ORDINAL = new Intl.PluralRules('en', { type: 'ordinal' })

interface RepeatCallerFlagProps {
  /** The customer's calls of the day so far (on a call: its place among them). */
  count: number
  /** The customer's number: with `at`, the flag links to its calls of that day. */
  number?: string | null | undefined
  /**
   * A moment of the day the count is of, epoch ms (the call's start or end): the words say
   * "that day" for a past one, and the link needs it.
   */
  at?: number | null | undefined
  /** Drawn inside something already clickable (a floor tile): the flag is then not a link. */
  plain?: boolean | undefined
  className?: string | undefined
}

/** Words for a repeat caller's count: "3rd call today", "今日第 3 次来电". */
export function useRepeatCallerLabel(): (count: number, at?: number | null) => string {
  const { t } = useTranslation()
  return (count, at) => {
    const rule = ORDINAL.select(count) as 'one' | 'two' | 'few' | 'other'
    const nth = t(`repeatCaller.ordinal.${rule}`, { count })
    const today = startOfPlatformDay(Date.now(), DEFAULT_PLATFORM_TZ)
    const past = at !== undefined && at !== null && at < today
    return past ? t('repeatCaller.thatDay', { nth }) : t('repeatCaller.today', { nth })
  }
}

/**
 * A repeat caller's mark: an icon and the count, its words for screen readers and on hover, and
 * (unless `plain`) a link to the number's calls of that day in the call records.
 */
export function RepeatCallerFlag({ count, number, at, plain, className }: RepeatCallerFlagProps) {
  const { t } = useTranslation()
  const label = useRepeatCallerLabel()(count, at)
  const content = (
    <>
      <RepeatRounded aria-hidden sx={{ fontSize: '1em' }} />
      <span aria-hidden>{count}</span>
    </>
  )
  const sx = {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 0.25,
    px: 0.5,
    borderRadius: 1,
    fontSize: '0.75rem',
    fontWeight: 600,
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
    flexShrink: 0,
    color: 'warning.contrastText',
    bgcolor: 'warning.main',
    fontVariantNumeric: 'tabular-nums',
  } as const
  if (plain || !number || at === undefined || at === null)
    return (
      <Box
        component="span"
        role="img"
        aria-label={label}
        title={label}
        className={className}
        sx={sx}
      >
        {content}
      </Box>
    )
  const linkLabel = t('repeatCaller.link', { label })
  return (
    <Box
      component={Link}
      to={dayCallsUrl(number, at)}
      aria-label={linkLabel}
      title={linkLabel}
      className={className}
      sx={{
        ...sx,
        textDecoration: 'none',
        '&:hover': { bgcolor: 'warning.dark' },
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
      }}
    >
      {content}
    </Box>
  )
}
