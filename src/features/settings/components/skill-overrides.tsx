import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { useSkillName } from '@/hooks/use-skill-names'
import type { ThresholdFamily } from '@/shared/settings'
import type { DurationDraft, FamilyDrafts } from '../utils/settings-draft'
import { FamilyRulesTable } from './family-rules-table'

interface SkillOverridesProps {
  overrides: { skill: string; rules: FamilyDrafts }[]
  /** What applies where an override is left blank (the tenant's rules, as typed above). */
  inherited: Partial<Record<ThresholdFamily, { amberSec?: number; redSec?: number }>>
  onChange: (
    skill: string,
    family: ThresholdFamily,
    field: 'amberSec' | 'redSec',
    value: DurationDraft,
  ) => void
  onRemove: (skill: string) => void
  errors: Record<string, string>
}

/** Each skill group with rules of its own; blank rows keep the tenant's rule. */
export function SkillOverrides({
  overrides,
  inherited,
  onChange,
  onRemove,
  errors,
}: SkillOverridesProps) {
  const { t } = useTranslation('admin')
  const skillName = useSkillName()
  if (overrides.length === 0)
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
        {t('thresholds.noOverrides')}
      </Typography>
    )
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {overrides.map(({ skill, rules }) => {
        const name = t('thresholds.skillName', { id: skillName(skill), skill })
        return (
          <Box
            key={skill}
            component="section"
            aria-label={name}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
          >
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
              <Typography component="h3" variant="h3">
                {name}
              </Typography>
              <Box sx={{ flex: 1 }} />
              <Button
                size="small"
                color="error"
                startIcon={<DeleteOutlineRounded />}
                onClick={() => onRemove(skill)}
                aria-label={t('thresholds.removeSkill', { name })}
              >
                {t('thresholds.remove')}
              </Button>
            </Box>
            <FamilyRulesTable
              path={['bySkill', skill]}
              rules={rules}
              label={name}
              inherited={inherited}
              errors={errors}
              onChange={(family, field, value) => onChange(skill, family, field, value)}
            />
          </Box>
        )
      })}
    </Box>
  )
}
