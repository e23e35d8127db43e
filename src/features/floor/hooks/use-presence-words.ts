import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { formatHourMinute } from '@/lib/format'
import { usePresenceStore } from '@/lib/presence-store'
import { subscribeTick, tickNow } from '@/lib/ticker'
import type { PresenceEntry, PresenceKind } from '@/shared/presence'
import { useAgo } from '@/hooks/use-ago'
import { floorClock } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'

/** Kinds the tile's call line already shows (with the listener's name): not repeated. */
const ON_CALL_LINE: readonly PresenceKind[] = ['listening', 'barged']

export interface PresenceWords {
  /** The first lead shown, and their kind; null when only a snooze is shown. */
  first: PresenceEntry | null
  /** Leads after the first. */
  more: number
  /** "王主管", or "你" for the lead's own. */
  firstName: string | null
  /** Until when the breach is snoozed, `HH:mm`; null when it is not. */
  snoozedUntil: string | null
  /** Everything in words, for the tile's label and on hover. */
  text: string
}

const noSubscription = () => () => {}
const serverMinute = () =>
  Math.floor(floorClock(useFloorStore.getState(), tickNow()) / 60_000) * 60_000

/**
 * Who else is on an agent, in words, with how long ago it began (to the minute); null when
 * nobody is. The lead's own look at the agent is theirs and not shown.
 */
export function usePresenceWords(agentId: string): PresenceWords | null {
  const { t } = useTranslation()
  const ago = useAgo()
  const presence = usePresenceStore((s) => s.byAgent[agentId])
  const self = usePresenceStore((s) => s.self)
  const now = useSyncExternalStore(
    presence ? subscribeTick : noSubscription,
    serverMinute,
    serverMinute,
  )
  if (!presence) return null
  const entries = presence.entries.filter(
    (e) => !ON_CALL_LINE.includes(e.kind) && !(e.kind === 'looking' && e.by === self),
  )
  const snooze = presence.snooze
  if (entries.length === 0 && !snooze) return null
  const nameOf = (e: { by: string }) => (e.by === self ? t('presence.you') : e.by)
  const parts = entries.map((e) =>
    t('presence.entry', {
      what: t(`presence.${e.kind}`, { by: nameOf(e) }),
      ago: ago(Math.max(0, now - e.since)),
    }),
  )
  const snoozedUntil = snooze ? formatHourMinute(snooze.until) : null
  if (snooze)
    parts.push(
      t('presence.snoozed', { until: snoozedUntil, by: nameOf(snooze), reason: snooze.reason }),
    )
  const first = entries[0] ?? null
  return {
    first,
    more: Math.max(0, entries.length - 1),
    firstName: first ? nameOf(first) : null,
    snoozedUntil,
    text: parts.join(t('presence.separator')),
  }
}
