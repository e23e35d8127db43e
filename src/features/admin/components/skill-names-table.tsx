import EditRounded from '@mui/icons-material/EditRounded'
import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { SkillGroup } from '@/shared/directory'
import { localPart } from '@/lib/format'
import { TABLE_SX } from './admin-table-states'
import { RowAction } from './row-action'

export const SKILL_NAME_COLUMNS = 4

export function SkillNamesTableHead() {
  const { t } = useTranslation('admin')
  return (
    <TableHead>
      <TableRow>
        <TableCell>{t('skillNames.id')}</TableCell>
        <TableCell>{t('skillNames.name')}</TableCell>
        <TableCell align="right">{t('skillNames.agents')}</TableCell>
        <TableCell align="right">{t('admin.actions')}</TableCell>
      </TableRow>
    </TableHead>
  )
}

interface SkillNamesTableProps {
  skills: readonly SkillGroup[]
  onRename: (skill: SkillGroup) => void
}

/** Each skill group by id, with its name (or that it shows as its id) and agents on the floor. */
export function SkillNamesTable({ skills, onRename }: SkillNamesTableProps) {
  const { t } = useTranslation('admin')
  return (
    <Table size="small" aria-label={t('skillNames.tableLabel')} stickyHeader sx={TABLE_SX}>
      <SkillNamesTableHead />
      <TableBody>
        {skills.map((skill) => (
          <TableRow key={skill.id} hover>
            <TableCell
              component="th"
              scope="row"
              sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
            >
              {skill.id}
            </TableCell>
            <TableCell sx={{ fontWeight: skill.name ? 500 : undefined }}>
              {skill.name ?? (
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {t('skillNames.unnamed', { id: localPart(skill.id) })}
                </Box>
              )}
            </TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {skill.agentCount}
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              <RowAction
                label={t('skillNames.rename', { id: skill.id })}
                icon={<EditRounded fontSize="small" />}
                onClick={() => onRename(skill)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
