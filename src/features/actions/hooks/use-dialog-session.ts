import { useEffect, useState } from 'react'
import { holdOrder } from '@/lib/order-hold'

/**
 * For an action dialog: a number that changes each time it opens (key its form with it, so each
 * opening starts fresh), and the floor keeps its order while it is open (the agent asked about
 * stays put while the lead decides).
 */
export function useDialogSession(open: boolean): number {
  const [session, setSession] = useState(0)
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) setSession((s) => s + 1)
  }
  useEffect(() => (open ? holdOrder() : undefined), [open])
  return session
}
