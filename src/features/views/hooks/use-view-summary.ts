import { useCallback, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import { useSkillName } from '@/hooks/use-skill-names'
import { DeptNameContext } from '../components/view-names'
import { DENSITIES, type Density } from '@/shared/preferences'
import { viewParts } from '../utils/view-query'

const SORT_LABELS = {
  state: 'floor.sortState',
  time: 'floor.sortTime',
  name: 'floor.sortName',
} as const

function isFamily(value: string): value is StateFamily {
  return (STATE_FAMILIES as readonly string[]).includes(value)
}

function isDensity(value: string): value is Density {
  return (DENSITIES as readonly string[]).includes(value)
}

function isKnownSort(value: string): value is keyof typeof SORT_LABELS {
  return value in SORT_LABELS
}

/** A view's filters and sort as lines of text ("技能组：7001、7002"); none for a plain floor. */
export function useViewSummary(): (query: string) => string[] {
  const { t } = useTranslation()
  const skillName = useSkillName()
  const deptName = useContext(DeptNameContext)
  return useCallback(
    (query: string) => {
      const parts = viewParts(query)
      const list = (items: string[]) => items.join(t('views.listSeparator'))
      const lines: string[] = []
      if (parts.skills.length > 0)
        lines.push(t('views.skills', { list: list(parts.skills.map(skillName)) }))
      if (parts.depts.length > 0)
        lines.push(t('views.depts', { list: list(parts.depts.map(deptName)) }))
      if (parts.states.length > 0) {
        const names = parts.states.map((s) => (isFamily(s) ? t(`families.${s}`) : s))
        lines.push(t('views.states', { list: list(names) }))
      }
      if (parts.q) lines.push(t('views.search', { q: parts.q }))
      if (parts.sort)
        lines.push(
          t('views.sort', {
            sort: isKnownSort(parts.sort) ? t(SORT_LABELS[parts.sort]) : parts.sort,
          }),
        )
      if (parts.breachFirst) lines.push(t('views.breachFirst'))
      if (parts.figuresHidden) lines.push(t('views.figuresHidden'))
      if (parts.density && isDensity(parts.density))
        lines.push(t('density.summary', { density: t(`density.${parts.density}`) }))
      return lines
    },
    [t, skillName, deptName],
  )
}
