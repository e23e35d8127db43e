import { useState } from 'react'

/**
 * A key that changes each time a dialog opens: render the form with it, and every opening
 * starts from an empty form (not from what was typed the last time).
 */
export function useFreshFormKey(open: boolean): number {
  const [session, setSession] = useState(0)
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) setSession((s) => s + 1)
  }
  return session
}
