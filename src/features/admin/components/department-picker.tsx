import Autocomplete from '@mui/material/Autocomplete'
import Box from '@mui/material/Box'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import type { Department } from '@/shared/directory'
import { useDepartments } from '../api/get-departments'

interface DepartmentPickerProps {
  /** The chosen department's tree position (`1.2`); empty for all departments. */
  value: string
  onChange: (treePos: string) => void
  error?: boolean
  helperText?: string | undefined
  autoFocus?: boolean
}

/** A department kept before the floor showed it: picked by position, named as such. */
function unseen(treePos: string): Department {
  return { id: null, name: null, treePos, parent: null, path: [treePos], agentCount: 0 }
}

/**
 * A user's or wall screen's department scope, picked by name from the tree the floor has
 * shown (each with the departments above it and its agent count). Cleared: all departments.
 */
export function DepartmentPicker({
  value,
  onChange,
  error,
  helperText,
  autoFocus,
}: DepartmentPickerProps) {
  const { t } = useTranslation('admin')
  const departments = useDepartments()
  const options = departments.data ?? []
  const chosen = value ? (options.find((d) => d.treePos === value) ?? unseen(value)) : null
  return (
    <Autocomplete
      options={options}
      value={chosen}
      loading={departments.isPending}
      onChange={(_, next) => onChange(next?.treePos ?? '')}
      getOptionLabel={(d) => d.path.join(' / ')}
      isOptionEqualToValue={(a, b) => a.treePos === b.treePos}
      noOptionsText={
        departments.isError ? t('admin.departmentsFailed') : t('admin.departmentsNone')
      }
      loadingText={t('admin.departmentsLoading')}
      renderOption={({ key, ...props }, d) => (
        <Box component="li" key={key} {...props} sx={{ gap: 1.5 }}>
          <Box component="span" sx={{ flex: 1, minWidth: 0 }}>
            {d.path.join(' / ')}
          </Box>
          <Box
            component="span"
            sx={{ color: 'text.secondary', fontSize: 13, fontVariantNumeric: 'tabular-nums' }}
          >
            {t('admin.departmentAgents', { count: d.agentCount })}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('admin.department')}
          name="orgPrefix"
          autoFocus={autoFocus}
          placeholder={t('scope.allDepartments')}
          error={error}
          helperText={helperText ?? t('admin.departmentHelp')}
        />
      )}
    />
  )
}
