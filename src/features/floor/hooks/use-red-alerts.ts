import { use, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { localPart } from '@/lib/format'
import { usePresenceStore } from '@/lib/presence-store'
import { subscribeTick, tickNow } from '@/lib/ticker'
import { ThresholdsContext } from '../components/thresholds-context'
import { useAlertPrefs } from '../stores/alert-prefs-store'
import { useLiveFloorStore } from '../stores/floor-store'
import { agentBreach } from '../utils/breach'
import { beep } from '../utils/beep'
import { notify } from '../utils/notify'
import { type AlertCandidate, RedAlertGate } from '../utils/red-alerts'

const NAMES_SHOWN = 3 // in a notification; the rest are counted

/**
 * While switched on, chimes and/or notifies when an agent newly turns red (see RedAlertGate for
 * how often). Looks at every agent in scope on the shared tick, shown on screen or not; renders
 * nothing. Agents already red when it starts (or when the thresholds change) are not announced,
 * nor agents whose breach a lead snoozed.
 */
export function useRedAlerts(): void {
  const { t } = useTranslation()
  const sound = useAlertPrefs((s) => s.sound)
  const notifyOn = useAlertPrefs((s) => s.notify)
  const settings = use(ThresholdsContext)
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  }, [t])

  useEffect(() => {
    if ((!sound && !notifyOn) || !settings) return
    const gate = new RedAlertGate()
    const check = () => {
      // The live floor, also while looking back: a past breach is no news, a live one still is.
      const s = useLiveFloorStore.getState()
      if (!s.loaded) return
      const serverNow = tickNow() + s.offset
      const candidates: AlertCandidate[] = []
      const { snoozed } = usePresenceStore.getState()
      for (const id of s.ids) {
        const a = s.agents[id]
        if (!a) continue
        candidates.push({
          id,
          stretch: `${a.acState}|${a.stateSince}`,
          red: !snoozed[id] && agentBreach(a, settings, serverNow) === 'red',
        })
      }
      const due = gate.observe(candidates, Date.now())
      if (due.length === 0) return
      if (sound) beep()
      if (notifyOn) {
        const tr = tRef.current
        const names = due
          .slice(0, NAMES_SHOWN)
          .map((id) => s.agents[id]?.name ?? localPart(id))
          .join(tr('alerts.nameSeparator'))
        notify(
          tr('alerts.notificationTitle'),
          due.length > NAMES_SHOWN
            ? tr('alerts.notificationMore', { names, count: due.length })
            : tr('alerts.notificationBody', { names, count: due.length }),
        )
      }
    }
    check()
    return subscribeTick(check)
  }, [sound, notifyOn, settings])
}
