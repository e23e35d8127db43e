import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useCan } from '@/features/auth/hooks/use-can'
import { useSkillOptions } from '@/features/floor/hooks/use-filter-options'
import { useFloorStore } from '@/features/floor/stores/floor-store'
import { ThresholdsPage } from '@/features/settings/components/thresholds-page'
import { ForbiddenRoute } from './forbidden'

/** `/admin/thresholds`: the skill groups offered come from the live floor (agents and queues). */
export function AdminThresholdsRoute() {
  const allowed = useCan('configure')
  const agentSkills = useSkillOptions()
  const queueSkills = useFloorStore(
    useShallow((s) => (s.figures?.bySkill ?? []).flatMap((f) => (f.skillId ? [f.skillId] : []))),
  )
  const known = useMemo(
    () => [...new Set([...agentSkills, ...queueSkills])].sort(),
    [agentSkills, queueSkills],
  )
  if (!allowed) return <ForbiddenRoute />
  return <ThresholdsPage knownSkills={known} />
}
