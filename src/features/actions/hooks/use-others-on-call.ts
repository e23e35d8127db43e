import { useMemo } from 'react'
import { usePresenceStore } from '@/lib/presence-store'
import { CALL_PRESENCE_KINDS, type PresenceEntry } from '@/shared/presence'

/** Other leads listening to, barged into or holding the agent's call, as the relay last said. */
export function useOthersOnCall(agentId: string | null): PresenceEntry[] {
  const presence = usePresenceStore((s) => (agentId === null ? undefined : s.byAgent[agentId]))
  const self = usePresenceStore((s) => s.self)
  return useMemo(
    () =>
      (presence?.entries ?? []).filter(
        (e) => e.by !== self && CALL_PRESENCE_KINDS.includes(e.kind),
      ),
    [presence, self],
  )
}
