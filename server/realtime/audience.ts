import { orgInScope, type Scope, skillsInScope } from '@/shared/auth'
import type { AgentView, CallSummary } from '@/shared/floor'
import type { BucketFilter } from '../day-calls/figures'

/**
 * The part of the floor one group of clients may see. Clients with the same audience share
 * a socket.io room, so each batch is filtered and encoded once per audience, not per client.
 */
export interface Audience {
  /** Room name; equal scopes have equal keys. */
  key: string
  namespace: string
  /** False when the audience sees a whole namespace (nothing is ever filtered out). */
  filtered: boolean
  includesAgent: (agent: AgentView) => boolean
  includesCall: (call: CallSummary) => boolean
  includesBucket: BucketFilter
}

/**
 * What a scope sees: agents of its department subtree who have one of its skills; calls and
 * figures of its skills, taken by agents of its subtree. A call nobody answered belongs to no
 * department, so a department-scoped audience sees it only through its skill groups.
 */
export function audienceOf(scope: Scope): Audience {
  const { namespace, orgPrefix, skills } = scope
  const sortedSkills = skills === null ? null : [...skills].sort()
  const key = `floor:${namespace}|${orgPrefix ?? '*'}|${sortedSkills?.join(',') ?? '*'}`
  const includesBucket: BucketFilter = (skillId, orgTreePos) => {
    if (sortedSkills !== null && (skillId === null || !sortedSkills.includes(skillId))) return false
    if (orgPrefix === null) return true
    return orgTreePos === null ? sortedSkills !== null : orgInScope(orgTreePos, orgPrefix)
  }
  return {
    key,
    namespace,
    filtered: orgPrefix !== null || sortedSkills !== null,
    includesAgent: (a) =>
      orgInScope(a.org.treePos, orgPrefix) && skillsInScope(a.skills, sortedSkills),
    includesCall: (c) => includesBucket(c.skillId, c.orgTreePos),
    includesBucket,
  }
}
