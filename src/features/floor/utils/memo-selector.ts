/**
 * Wraps a derivation so it runs only when one of its inputs changed identity, and keeps
 * handing out the previous result while the new one is equal: a zustand selector built on
 * it re-renders its component only when the derived value really changed.
 */
export function memoSelector<I extends readonly unknown[], R>(
  compute: (...inputs: I) => R,
  equal: (a: R, b: R) => boolean,
): (...inputs: I) => R {
  let lastInputs: I | null = null
  let last: R
  return (...inputs: I): R => {
    const prev = lastInputs
    if (prev && inputs.every((v, i) => Object.is(v, prev[i]))) return last
    const next = compute(...inputs)
    if (!prev || !equal(last, next)) last = next
    lastInputs = inputs
    return last
  }
}

/**
 * A selector over a whole state that recomputes only when `key(state)` changed identity (e.g.
 * the floor's roster), handing out the previous result while the new one is equal.
 */
export function memoByKey<S, R>(
  key: (state: S) => unknown,
  compute: (state: S) => R,
  equal: (a: R, b: R) => boolean,
): (state: S) => R {
  let computed = false
  let lastKey: unknown
  let last: R
  return (state: S): R => {
    const k = key(state)
    if (computed && Object.is(k, lastKey)) return last
    const next = compute(state)
    if (!computed || !equal(last, next)) last = next
    computed = true
    lastKey = k
    return last
  }
}

export function arraysEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]))
}

/** Equal plain records of numbers, strings or booleans, one level deep (nested objects by value, one more level). */
export function shallowDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => {
    const va = (a as Record<string, unknown>)[k]
    const vb = (b as Record<string, unknown>)[k]
    if (Object.is(va, vb)) return true
    return typeof va === 'object' && typeof vb === 'object' && shallowDeepEqual(va, vb)
  })
}
