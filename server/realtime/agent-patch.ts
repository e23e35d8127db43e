import type { AgentPatch, AgentView } from '@/shared/floor'

// Fields compared by value; the rest (skills, org, monitors) are small structures compared by content.
const SCALARS = [
  'name',
  'namespace',
  'acState',
  'acStateRaw',
  'lastACState',
  'stateSince',
  'approxTime',
  'callId',
  'callSince',
  'customerNumber',
  'callerCallsToday',
  'channelAddr',
  'workSkill',
  'reason',
  'serial',
] as const satisfies readonly (keyof AgentView)[]

/**
 * What changed from `prev` to `next` (the same agent), as a patch: a state change is usually
 * six or seven small fields, less than half of the whole view, and a floor of thousands of
 * agents changing a thousand times a second sends these to every screen.
 */
export function patchOf(prev: AgentView, next: AgentView): AgentPatch {
  const patch: AgentPatch = { id: next.id }
  const out = patch as Record<string, unknown>
  for (const key of SCALARS) if (next[key] !== prev[key]) out[key] = next[key]
  // Absent means false in a view, but absent in a patch means "unchanged": say false.
  if ('approxTime' in out) out.approxTime = next.approxTime === true
  if ('callSince' in out) out.callSince = next.callSince ?? null
  if ('callerCallsToday' in out) out.callerCallsToday = next.callerCallsToday ?? null
  if (next.skills !== prev.skills && next.skills.join('\u0000') !== prev.skills.join('\u0000'))
    patch.skills = next.skills
  const o = next.org
  const p = prev.org
  if (o !== p && (o.id !== p.id || o.name !== p.name || o.treePos !== p.treePos)) patch.org = o
  const nm = next.monitors ?? []
  const pm = prev.monitors ?? []
  if (nm !== pm && JSON.stringify(nm) !== JSON.stringify(pm)) patch.monitors = nm
  return patch
}
