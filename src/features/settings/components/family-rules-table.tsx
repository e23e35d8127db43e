import AccessTimeFilledRounded from '@mui/icons-material/AccessTimeFilledRounded'
import ReportRounded from '@mui/icons-material/ReportRounded'
import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import { THRESHOLD_FAMILIES, type ThresholdFamily } from '@/shared/settings'
import {
  type DurationDraft,
  type FamilyDrafts,
  type FieldPath,
  fieldKey,
} from '../utils/settings-draft'
import { DurationField } from './duration-field'

interface FamilyRulesTableProps {
  /** Where these rules sit in the settings: `["families"]` or `["bySkill", skill]`. */
  path: FieldPath
  rules: FamilyDrafts
  onChange: (family: ThresholdFamily, field: 'amberSec' | 'redSec', value: DurationDraft) => void
  errors: Record<string, string>
  /** For overrides: the rules that apply when a row is left blank. */
  inherited?: Partial<Record<ThresholdFamily, { amberSec?: number; redSec?: number }>> | undefined
  /** Names the table (and prefixes its fields' names), e.g. the skill group. */
  label: string
}

/** Amber and red seconds for each state family that has a threshold. */
export function FamilyRulesTable(props: FamilyRulesTableProps) {
  const { path, rules, onChange, errors, inherited, label } = props
  const { t } = useTranslation('admin')
  const column = (field: 'amberSec' | 'redSec') => (
    <TableCell>
      <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        {field === 'amberSec' ? (
          <AccessTimeFilledRounded fontSize="small" sx={{ color: 'warning.main' }} aria-hidden />
        ) : (
          <ReportRounded fontSize="small" sx={{ color: 'error.main' }} aria-hidden />
        )}
        {field === 'amberSec' ? t('thresholds.amberColumn') : t('thresholds.redColumn')}
      </Box>
    </TableCell>
  )
  return (
    <Table
      size="small"
      aria-label={label}
      sx={{
        width: 'auto',
        '& td, & th': { verticalAlign: 'top' },
        '& th:first-of-type': { minWidth: 140 },
      }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{t('thresholds.family')}</TableCell>
          {column('amberSec')}
          {column('redSec')}
        </TableRow>
      </TableHead>
      <TableBody>
        {THRESHOLD_FAMILIES.map((family) => (
          <TableRow key={family}>
            <TableCell component="th" scope="row" sx={{ pt: 2, whiteSpace: 'nowrap' }}>
              {t(`families.${family}`)}
            </TableCell>
            {(['amberSec', 'redSec'] as const).map((field) => (
              <TableCell key={field}>
                <DurationField
                  label={t('thresholds.fieldLabel', {
                    scope: label,
                    family: t(`families.${family}`),
                    level: field === 'amberSec' ? t('thresholds.amber') : t('thresholds.red'),
                  })}
                  value={rules[family][field]}
                  onChange={(value) => onChange(family, field, value)}
                  error={errors[fieldKey([...path, family, field])]}
                  inherited={inherited?.[family]?.[field]}
                />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
