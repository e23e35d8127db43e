import { useState } from 'react'

/**
 * What a dialog is about, and whether it is open. The subject outlives `open`, so the dialog
 * does not blank while it fades out.
 */
export function useDialogTarget<T>(initial: T) {
  const [target, setTarget] = useState<T>(initial)
  const [open, setOpen] = useState(false)
  return {
    target,
    open,
    show: (next: T) => {
      setTarget(next)
      setOpen(true)
    },
    close: () => setOpen(false),
  }
}
