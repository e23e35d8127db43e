import type { FloorSettings } from '@/shared/settings'

/**
 * What an admin changed in the thresholds and targets, as `path: before → after` lines, e.g.
 * `families.acw.redSec: 120 → 180; queues.7001@test.cc: — → {…}`; null when nothing did.
 */
export function settingsChanges(before: FloorSettings, after: FloorSettings): string | null {
  const parts: string[] = []
  walk(before, after, '', parts)
  return parts.length > 0 ? parts.join('; ') : null
}

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      walk(a[key], b[key], path ? `${path}.${key}` : key, out)
    return
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${shown(a)} → ${shown(b)}`)
}

function shown(v: unknown): string {
  if (v === undefined || v === null) return '—'
  return typeof v === 'string' ? v : JSON.stringify(v)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
