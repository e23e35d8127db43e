import { useEffect } from 'react'
import { useFreshFormKey } from '@/hooks/use-fresh-form-key'
import { holdOrder } from '@/lib/order-hold'

/**
 * For an action dialog: a number that changes each time it opens (key its form with it, so each
 * opening starts fresh), and the floor keeps its order while it is open (the agent asked about
 * stays put while the lead decides).
 */
export function useDialogSession(open: boolean): number {
  const session = useFreshFormKey(open)
  useEffect(() => (open ? holdOrder() : undefined), [open])
  return session
}
