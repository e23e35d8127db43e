/**
 * "The lead is busy with something on the page": while a confirm dialog or another modal step
 * is open, live lists keep their order (the floor applies the waiting changes afterwards).
 * Outside React so any feature can hold without knowing who listens.
 */
type Listener = () => void

let holds = 0
const listeners = new Set<Listener>()

function notify(): void {
  for (const listener of listeners) listener()
}

/** Holds the order until the returned release is called (once; later calls do nothing). */
export function holdOrder(): () => void {
  holds += 1
  notify()
  let released = false
  return () => {
    if (released) return
    released = true
    holds -= 1
    notify()
  }
}

export function subscribeOrderHold(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True while anything holds. */
export function orderHeld(): boolean {
  return holds > 0
}
