import AddRounded from '@mui/icons-material/AddRounded'
import Autocomplete from '@mui/material/Autocomplete'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface AddSkillFieldProps {
  /** Skill groups seen on the floor, offered first; any other id may be typed. */
  options: readonly string[]
  /** Already added: not offered again. */
  taken: readonly string[]
  label: string
  onAdd: (skill: string) => void
}

/** Picks a skill group (or queue) to give its own rules. */
export function AddSkillField({ options, taken, label, onAdd }: AddSkillFieldProps) {
  const { t } = useTranslation('admin')
  const [value, setValue] = useState('')
  const skill = value.trim()
  const exists = taken.includes(skill)
  const add = () => {
    if (skill === '' || exists) return
    onAdd(skill)
    setValue('')
  }
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Autocomplete
        freeSolo
        options={options.filter((o) => !taken.includes(o))}
        inputValue={value}
        onInputChange={(_, v) => setValue(v)}
        sx={{ width: 280 }}
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label={label}
            error={exists}
            helperText={exists ? t('thresholds.alreadyAdded') : t('thresholds.skillHelp')}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                add()
              }
            }}
          />
        )}
      />
      <Button
        variant="outlined"
        startIcon={<AddRounded />}
        onClick={add}
        disabled={skill === '' || exists}
        sx={{ height: 40 }}
      >
        {t('thresholds.add')}
      </Button>
    </Box>
  )
}
