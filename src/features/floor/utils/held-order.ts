/**
 * Length of the longest increasing run (not necessarily contiguous) of `values`: the agents
 * that can stay where they are while the others move. O(n log n).
 */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = []
  for (const v of values) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tails[mid]! < v) lo = mid + 1
      else hi = mid
    }
    tails[lo] = v
  }
  return tails.length
}

/**
 * How many tiles would change place if the floor went from `held` (what is shown) to `live`
 * (the order now): agents that would appear, agents that would go, and the fewest agents that
 * would have to move for the rest to fall in order. 0 when the two are the same.
 */
export function countChanges(held: readonly string[], live: readonly string[]): number {
  if (held === live) return 0
  const liveIndex = new Map<string, number>()
  live.forEach((id, i) => liveIndex.set(id, i))
  const common: number[] = []
  let gone = 0
  for (const id of held) {
    const i = liveIndex.get(id)
    if (i === undefined) gone += 1
    else common.push(i)
  }
  const added = live.length - common.length
  return added + gone + (common.length - longestIncreasing(common))
}
