import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, preloadWhenIdle } from '@/components/ui/on-demand'
import { useAgo } from '@/hooks/use-ago'
import { useTick } from '@/hooks/use-tick'
import { useFloorStore } from '../stores/floor-store'

/** The banner's box: loaded once the page is idle, as the link is live at first. */
const Alert = loadOnFirstDraw(async () => (await import('@mui/material/Alert')).default)

function SilentFor() {
  const { t } = useTranslation()
  const ago = useAgo()
  const now = useTick()
  const last = useFloorStore((s) => s.link.lastMessageAt)
  if (last === null) return null
  return <> {t('connection.bannerStaleSince', { ago: ago(now - last) })}</>
}

/** Says so when what the floor shows may be out of date; nothing while the link is live. */
export function ConnectionBanner() {
  const { t } = useTranslation()
  const status = useFloorStore((s) => s.status)
  const loaded = useFloorStore((s) => s.loaded)
  useEffect(() => preloadWhenIdle(Alert), [])
  if (status === 'live' || (status === 'connecting' && !loaded)) return null
  const stale = status === 'stale'
  return (
    <Alert
      severity={stale ? 'error' : 'warning'}
      variant="filled"
      square
      sx={{ py: 0.25, borderRadius: 0 }}
    >
      {stale ? t('connection.bannerStale') : t('connection.bannerReconnecting')}
      <SilentFor />
    </Alert>
  )
}
