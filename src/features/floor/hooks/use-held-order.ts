import { useMemo, useState, useSyncExternalStore } from 'react'
import { orderHeld, subscribeOrderHold } from '@/lib/order-hold'
import { countChanges } from '../utils/held-order'

export interface HeldOrder {
  /** What the grid shows: the order as it was when the hold began, or the live one. */
  ids: readonly string[]
  /** Tiles that would change place if the order were applied now (0 while not held). */
  waiting: number
  /** Shows the live order now; a hold still in force keeps it from there on. */
  apply: () => void
}

/**
 * Keeps the floor's order still while `hold` (the lead points at, works in or acts on the
 * grid) or a dialog somewhere holds it: tiles keep updating in place, only their places wait.
 * The live order shows when the hold ends. A new `viewKey` (the lead changed the filters or
 * the sort) applies at once: that change is theirs.
 */
export function useHeldOrder(live: readonly string[], hold: boolean, viewKey: unknown): HeldOrder {
  const dialog = useSyncExternalStore(subscribeOrderHold, orderHeld, orderHeld)
  const holding = hold || dialog
  const [held, setHeld] = useState<readonly string[] | null>(null)
  const [key, setKey] = useState(viewKey)
  // Adjusted while rendering (not in an effect), so a tile never shows one frame out of place.
  let shown = held
  if (key !== viewKey) {
    setKey(viewKey)
    shown = holding ? live : null
    setHeld(shown)
  } else if (holding !== (held !== null)) {
    shown = holding ? live : null
    setHeld(shown)
  }
  const waiting = useMemo(() => (shown === null ? 0 : countChanges(shown, live)), [shown, live])
  return {
    ids: shown ?? live,
    waiting,
    apply: () => setHeld((h) => (h === null ? null : live)),
  }
}
