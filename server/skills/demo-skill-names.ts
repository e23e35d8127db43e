import type { SkillNames } from '@/shared/skill-names'
import type { SkillNamesRepo } from './skill-names.repo'

/** Names of the simulator's first skill groups (`7001@…` on), as a center would call them. */
const DEMO_NAMES = ['售前咨询', '售后服务', '投诉受理', '会员专线', '账单查询', '技术支持']

/**
 * Demo mode: names the simulator's skill groups, so the demo floor reads as a real one. A tenant
 * with any name already keeps its own: only a tenant with none at all gets these at start.
 */
export async function nameDemoSkills(
  repo: SkillNamesRepo,
  namespace: string,
  now: number,
): Promise<boolean> {
  if (Object.keys(await repo.get(namespace)).length > 0) return false
  const names: SkillNames = Object.fromEntries(
    DEMO_NAMES.map((name, i) => [`${7001 + i}@${namespace}`, name]),
  )
  await repo.replace(namespace, names, 'demo', now)
  return true
}
