import type { Department, SkillGroup } from '@/shared/directory'
import { orgInScope } from '@/shared/auth'
import type { AgentView } from '@/shared/floor'
import type { SkillNames } from '@/shared/skill-names'

/** The agents of a tenant on the floor now, and its skill names. */
export interface DirectorySource {
  agents: (namespace: string) => AgentView[]
  skillNames: (namespace: string) => SkillNames
}

/** `1.2.3` → `['1', '1.2']`: the positions of the departments above (a separator ends a segment). */
export function ancestorsOf(treePos: string): string[] {
  const out: string[] = []
  for (let i = 1; i < treePos.length; i += 1) {
    if (!/[0-9A-Za-z]/.test(treePos.charAt(i)) && /[0-9A-Za-z]/.test(treePos.charAt(i - 1)))
      out.push(treePos.slice(0, i))
  }
  return out
}

/**
 * The department tree the floor shows: every department an agent is in, and the ones above
 * them (known only by position until one of their own agents is seen), in tree order.
 */
export function departmentsOf(agents: readonly AgentView[]): Department[] {
  const byPos = new Map<string, { id: string | null; name: string | null; agentCount: number }>()
  const entry = (pos: string) => {
    let d = byPos.get(pos)
    if (!d) {
      d = { id: null, name: null, agentCount: 0 }
      byPos.set(pos, d)
    }
    return d
  }
  for (const a of agents) {
    const pos = a.org.treePos
    if (!pos) continue
    const own = entry(pos)
    own.id ??= a.org.id
    own.name ??= a.org.name
    own.agentCount += 1
    for (const up of ancestorsOf(pos)) entry(up).agentCount += 1
  }
  const positions = [...byPos.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  return positions.map((treePos) => {
    const d = byPos.get(treePos)!
    const above = ancestorsOf(treePos)
    return {
      id: d.id,
      name: d.name,
      treePos,
      parent: above.at(-1) ?? null,
      path: [...above, treePos].map((p) => byPos.get(p)?.name ?? p),
      agentCount: d.agentCount,
    }
  })
}

/** Every skill group agents are in or take calls from, and every named one, by id. */
export function skillGroupsOf(agents: readonly AgentView[], names: SkillNames): SkillGroup[] {
  const counts = new Map<string, number>()
  for (const id of Object.keys(names)) counts.set(id, 0)
  for (const a of agents) {
    for (const id of a.skills) counts.set(id, (counts.get(id) ?? 0) + 1)
    if (a.workSkill && !counts.has(a.workSkill)) counts.set(a.workSkill, 0)
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([id, agentCount]) => ({ id, name: names[id] ?? null, agentCount }))
}

/**
 * Why a user's scope would show nobody, as `field: message`; null when it is fine.
 *
 * A department must hold at least one agent the relay has seen, and each skill group must be
 * one agents are in or an admin named. Before the relay has seen any agent of the tenant (a
 * fresh install) there is nothing to check against, and any scope is taken.
 */
export function scopeProblem(
  source: DirectorySource,
  namespace: string,
  scope: { orgPrefix?: string | null; skills?: string[] | null },
): string | null {
  const agents = source.agents(namespace)
  if (agents.length === 0) return null
  const { orgPrefix, skills } = scope
  if (orgPrefix && !agents.some((a) => a.org.treePos && orgInScope(a.org.treePos, orgPrefix)))
    return `orgPrefix: no department at ${orgPrefix} has been seen on the floor; pick one from the list`
  if (skills && skills.length > 0) {
    const known = new Set(skillGroupsOf(agents, source.skillNames(namespace)).map((s) => s.id))
    const unknown = skills.filter((s) => !known.has(s))
    if (unknown.length > 0)
      return `skills: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a skill group seen on the floor or named`
  }
  return null
}
