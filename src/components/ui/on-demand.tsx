import { type ComponentType, Suspense, lazy, useState } from 'react'

/**
 * A component whose code loads the first time it is drawn (a menu, a dialog, a drawer's
 * sections), so the floor's first bundle carries only what its first paint needs. Nothing is
 * shown while the code arrives: from the console's own server that is a few milliseconds.
 */
export function loadOnFirstDraw<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }))
  function LoadedOnFirstDraw(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  return LoadedOnFirstDraw
}

/**
 * True from the first time `open` is true: a dialog loaded on demand is mounted when first
 * opened and stays mounted, so it can animate closed and keeps its state like any other.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open)
  if (open && !opened) setOpened(true)
  return opened || open
}
