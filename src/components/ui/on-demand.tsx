import { type ComponentType, Suspense, lazy, useEffect, useState } from 'react'

/** A component loaded on demand, whose code can also be fetched ahead of its first draw. */
export type OnDemand<P> = ComponentType<P> & {
  /** Fetches the code now (once), so the first draw shows the component at once. */
  preload: () => Promise<void>
}

/**
 * A component whose code loads the first time it is drawn (a menu, a dialog, a drawer's
 * sections), so the floor's first bundle carries only what its first paint needs. Nothing is
 * shown while the code arrives: from the console's own server that is a few milliseconds.
 *
 * Drawn before its code is here, it suspends, and React then holds the reveal back for up to
 * 300 ms (its throttle for content that replaces a fallback); `preload` fetches the code
 * beforehand, and an instance first drawn after that renders the component straight away.
 */
export function loadOnFirstDraw<P extends object>(
  load: () => Promise<ComponentType<P>>,
): OnDemand<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const fetchOnce = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null // a later draw or preload tries again
        throw error
      },
    ))
  const Lazy = lazy(async () => ({ default: await fetchOnce() }))
  function LoadedOnFirstDraw(props: P) {
    // Fixed for this instance's life, so it never swaps one for the other and loses its state.
    const [Ready] = useState(() => loaded)
    if (Ready) return <Ready {...props} />
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  LoadedOnFirstDraw.preload = () => fetchOnce().then(() => undefined)
  return LoadedOnFirstDraw
}

/**
 * Fetches on-demand components' code once the browser is idle after the page's first paint,
 * so their first draw (a menu opened for the first time) does not wait for it. A fetch that
 * fails is tried again at that draw. Returns the cancel, for an effect's cleanup.
 */
export function preloadWhenIdle(...components: readonly Pick<OnDemand<never>, 'preload'>[]) {
  const run = () => {
    for (const component of components) void component.preload().catch(() => {})
  }
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(run)
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(run, 0) // Safari has no idle callback
  return () => clearTimeout(id)
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

/**
 * A popup (a menu, a hint's bubble) whose code is fetched once the browser is idle after the
 * first paint and which draws nothing until first opened, as MUI's own popups draw nothing
 * while closed: the page looks and behaves the same, and the first bundle is lighter by it.
 * Once opened it stays drawn, so it animates closed and hands the focus back like the original.
 */
export function popupOnDemand<
  P extends { open?: boolean | undefined; keepMounted?: boolean | undefined },
>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  const Loaded = loadOnFirstDraw(load)
  function PopupOnDemand(props: P) {
    useEffect(() => preloadWhenIdle(Loaded), [])
    const opened = useOpenedOnce(props.open === true)
    if (!opened && props.keepMounted !== true) return null
    return <Loaded {...props} />
  }
  PopupOnDemand.preload = Loaded.preload
  return PopupOnDemand
}
