import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { MultiSelect, type Option } from '@/components/ui/multi-select'
import { useSkillName } from '@/hooks/use-skill-names'
import { useDeptOptions, useSkillOptions } from '../hooks/use-filter-options'
import type { UpdateFloorView } from '../hooks/use-floor-view'
import type { FloorView } from '../utils/floor-view'
import { treeDepth } from '../utils/filter-sort'

/** Skill-group and department pickers, offering what the floor holds now. */
export function FloorFilters({ view, onChange }: { view: FloorView; onChange: UpdateFloorView }) {
  const { t } = useTranslation()
  const skills = useSkillOptions()
  const skillName = useSkillName()
  const depts = useDeptOptions()
  const skillChoices = useMemo<Option[]>(
    () => skills.map((s) => ({ value: s, label: skillName(s) })),
    [skills, skillName],
  )
  const deptChoices = useMemo<Option[]>(() => {
    if (depts.length === 0) return []
    const base = Math.min(...depts.map((d) => treeDepth(d.treePos)))
    return depts.map((d) => ({ value: d.key, label: d.label, depth: treeDepth(d.treePos) - base }))
  }, [depts])
  return (
    <>
      <MultiSelect
        label={t('floor.skillFilter')}
        options={skillChoices}
        value={view.skills}
        onChange={(skills) => onChange({ skills })}
      />
      <MultiSelect
        label={t('floor.deptFilter')}
        options={deptChoices}
        value={view.depts}
        onChange={(depts) => onChange({ depts })}
      />
    </>
  )
}
