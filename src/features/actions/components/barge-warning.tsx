import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import { useTranslation } from 'react-i18next'
import type { PresenceEntry } from '@/shared/presence'
import { otherOnCallLine } from '../utils/others-on-call'

/** "王主管 has been listening to this call since 10:02": before a lead barges in on top. */
export function BargeWarning({ others }: { others: readonly PresenceEntry[] }) {
  const { t } = useTranslation()
  if (others.length === 0) return null
  return (
    <Alert severity="warning" role="alert">
      <AlertTitle>{t('presence.bargeWarningTitle')}</AlertTitle>
      {others.map((o) => (
        <div key={`${o.by}|${o.kind}`}>{otherOnCallLine(t, o)}</div>
      ))}
      <div>{t('presence.bargeWarningBody')}</div>
    </Alert>
  )
}
