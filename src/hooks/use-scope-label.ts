import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Scope } from '@/shared/auth'
import { useSkillName } from './use-skill-names'

export interface ScopeLabel {
  department: string
  skills: string
}

/**
 * "客服一部" (or "部门 1.2" when `deptNames` has no name for the position) / "全部部门" and
 * "技能组 售前咨询, 7002" / "全部技能组" for a scope. `deptNames`: department position → name,
 * as the floor has seen them.
 */
export function useScopeLabel(
  deptNames?: ReadonlyMap<string, string>,
): (scope: Pick<Scope, 'orgPrefix' | 'skills'>) => ScopeLabel {
  const { t } = useTranslation()
  const skillName = useSkillName()
  return useCallback(
    (scope) => ({
      department: scope.orgPrefix
        ? (deptNames?.get(scope.orgPrefix) ?? t('scope.department', { prefix: scope.orgPrefix }))
        : t('scope.allDepartments'),
      skills:
        scope.skills && scope.skills.length > 0
          ? t('scope.skills', { skills: scope.skills.map(skillName).join(', ') })
          : t('scope.allSkills'),
    }),
    [t, skillName, deptNames],
  )
}
