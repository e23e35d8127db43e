import Tooltip from '@mui/material/Tooltip'
import { useAgo } from '@/hooks/use-ago'
import { useLanguage } from '@/hooks/use-language'
import { useTick } from '@/hooks/use-tick'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'

/** "3 分钟前", kept current, with the date and time on hover or focus. */
export function RelativeTime({ at }: { at: number }) {
  const ago = useAgo()
  const now = useTick()
  const absolute = formatDateTime(at, htmlLang(useLanguage()))
  return (
    <Tooltip title={absolute}>
      <time
        dateTime={new Date(at).toISOString()}
        tabIndex={0}
        aria-label={`${ago(now - at)} (${absolute})`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {ago(now - at)}
      </time>
    </Tooltip>
  )
}
