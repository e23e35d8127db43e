import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Scope } from '@/shared/auth'
import { useSkillName } from './use-skill-names'

export interface ScopeLabel {
  department: string
  skills: string
}

/** "部门 1.2" / "全部部门" and "技能组 7001, 7002" / "全部技能组" for a scope. */
export function useScopeLabel(): (scope: Pick<Scope, 'orgPrefix' | 'skills'>) => ScopeLabel {
  const { t } = useTranslation()
  const skillName = useSkillName()
  return useCallback(
    (scope) => ({
      department: scope.orgPrefix
        ? t('scope.department', { prefix: scope.orgPrefix })
        : t('scope.allDepartments'),
      skills:
        scope.skills && scope.skills.length > 0
          ? t('scope.skills', { skills: scope.skills.map(skillName).join(', ') })
          : t('scope.allSkills'),
    }),
    [t, skillName],
  )
}
