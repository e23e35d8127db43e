/** A scheduled callback; `cancelled` is set by `cancel`, and the queue skips it when due. */
export interface Timer {
  readonly due: number
  readonly seq: number
  readonly fn: () => void
  cancelled: boolean
}

/**
 * Timers ordered by due time, ties in the order they were added, so a run is
 * deterministic. A binary heap: thousands of pending timers cost nothing. Cancelling
 * marks the timer and leaves it in the heap until it surfaces.
 */
export class TimerQueue {
  private heap: Timer[] = []
  private seq = 0
  private live = 0

  add(due: number, fn: () => void): Timer {
    const timer: Timer = { due, seq: this.seq++, fn, cancelled: false }
    this.heap.push(timer)
    this.up(this.heap.length - 1)
    this.live++
    return timer
  }

  cancel(timer: Timer | null | undefined): void {
    if (!timer || timer.cancelled) return
    timer.cancelled = true
    this.live--
  }

  /** Pending (not cancelled, not yet run) timers. */
  get size(): number {
    return this.live
  }

  /** Due time of the next live timer, or null. */
  peekDue(): number | null {
    this.dropCancelled()
    return this.heap[0]?.due ?? null
  }

  /** Removes and returns the next live timer if it is due at or before `time`. */
  popDue(time: number): Timer | null {
    this.dropCancelled()
    const top = this.heap[0]
    if (!top || top.due > time) return null
    this.removeTop()
    // Marked so a late `cancel` of a timer that already ran does not miscount.
    top.cancelled = true
    this.live--
    return top
  }

  clear(): void {
    for (const t of this.heap) t.cancelled = true
    this.heap = []
    this.live = 0
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled) this.removeTop()
  }

  private removeTop(): void {
    const last = this.heap.pop()
    if (last && this.heap.length > 0) {
      this.heap[0] = last
      this.down(0)
    }
  }

  private before(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq)
  }

  private up(i: number): void {
    const h = this.heap
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  private down(i: number): void {
    const h = this.heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let best = i
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r
      if (best === i) return
      ;[h[i], h[best]] = [h[best]!, h[i]!]
      i = best
    }
  }
}
