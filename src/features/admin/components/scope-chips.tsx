import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import { useTranslation } from 'react-i18next'
import { useSkillName } from '@/hooks/use-skill-names'
import { useDepartments } from '../api/get-departments'

/** Skill groups as small chips, or "all skill groups". */
export function SkillChips({ skills }: { skills: readonly string[] | null }) {
  const { t } = useTranslation('admin')
  const skillName = useSkillName()
  if (!skills || skills.length === 0) {
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {t('scope.allSkills')}
      </Box>
    )
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {skills.map((s) => (
        <Chip key={s} size="small" label={skillName(s)} title={s} />
      ))}
    </Box>
  )
}

/** A department by name (its position until the floor has shown it), or "all departments". */
export function DepartmentText({ prefix }: { prefix: string | null }) {
  const { t } = useTranslation('admin')
  const departments = useDepartments()
  const name = departments.data?.find((d) => d.treePos === prefix)?.name
  return prefix ? (
    <Box component="span" title={prefix} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {name ?? prefix}
    </Box>
  ) : (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {t('scope.allDepartments')}
    </Box>
  )
}
