/**
 * One clock for every live timer on the page. It ticks on whole seconds of the local clock
 * while anyone listens, so all timers flip together and a page with 200 visible tiles runs
 * one timer, not 200.
 */
type Listener = () => void

const TICK_MS = 1_000 // one tick per second

const listeners = new Set<Listener>()
let now = Date.now()
let timer: ReturnType<typeof setTimeout> | null = null

function schedule(): void {
  // Aim a few ms past the next whole second so rounding never shows the same second twice.
  const wait = TICK_MS - (Date.now() % TICK_MS) + 5
  timer = setTimeout(tick, wait)
}

function tick(): void {
  now = Date.now()
  for (const listener of listeners) listener()
  schedule()
}

/** Listens to the ticks; returns the unsubscribe. Starts the clock for the first listener. */
export function subscribeTick(listener: Listener): () => void {
  listeners.add(listener)
  if (timer === null) {
    now = Date.now()
    schedule()
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearTimeout(timer)
      timer = null
    }
  }
}

/** Local clock at the last tick, epoch ms. */
export function tickNow(): number {
  return now
}
