import { use, useCallback, useSyncExternalStore } from 'react'
import { subscribeTick, tickNow } from '@/lib/ticker'
import type { AgentView } from '@/shared/floor'
import { type Breach, breachOf, ruleFor } from '@/shared/settings'
import { ThresholdsContext } from '../components/thresholds-context'
import { floorClock } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'
import { secondsInState } from '../utils/breach'

const noSubscription = () => () => {}

/**
 * How far past its thresholds an agent is, on the shared one-second tick (server clock). The
 * caller re-renders only when the level changes, not every second; states without a threshold
 * (available, logged out) do not listen to the tick at all.
 */
export function useBreach(agent: Pick<AgentView, 'acState' | 'workSkill' | 'stateSince'>): Breach {
  const settings = use(ThresholdsContext)
  const rule = settings ? ruleFor(agent, settings) : null
  const since = agent.stateSince
  const level = useCallback(
    (): Breach =>
      breachOf(rule, secondsInState(since, floorClock(useFloorStore.getState(), tickNow()))),
    [rule, since],
  )
  return useSyncExternalStore(rule ? subscribeTick : noSubscription, level, level)
}
