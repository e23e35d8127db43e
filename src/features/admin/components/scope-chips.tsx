import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import { useTranslation } from 'react-i18next'
import { localPart } from '@/lib/format'

/** Skill groups as small chips, or "all skill groups". */
export function SkillChips({ skills }: { skills: readonly string[] | null }) {
  const { t } = useTranslation()
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
        <Chip key={s} size="small" label={localPart(s)} title={s} />
      ))}
    </Box>
  )
}

/** A department prefix in a monospace face, or "all departments". */
export function DepartmentText({ prefix }: { prefix: string | null }) {
  const { t } = useTranslation()
  return prefix ? (
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {prefix}
    </Box>
  ) : (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {t('scope.allDepartments')}
    </Box>
  )
}
