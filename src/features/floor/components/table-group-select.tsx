import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { TABLE_GROUPS, type TableGroup } from '@/shared/preferences'

const LABELS = {
  none: 'floorTable.groupNone',
  dept: 'floorTable.groupDept',
  skill: 'floorTable.groupSkill',
} as const satisfies Record<TableGroup, string>

/** No groups, by department, or by skill group. */
export function TableGroupSelect({
  value,
  onChange,
}: {
  value: TableGroup
  onChange: (group: TableGroup) => void
}) {
  const { t } = useTranslation()
  return (
    <TextField
      select
      size="small"
      label={t('floorTable.groupBy')}
      value={value}
      onChange={(e) => onChange(e.target.value as TableGroup)}
      sx={{ minWidth: 150 }}
    >
      {TABLE_GROUPS.map((g) => (
        <MenuItem key={g} value={g}>
          {t(LABELS[g])}
        </MenuItem>
      ))}
    </TextField>
  )
}
