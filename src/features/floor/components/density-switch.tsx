import TableRowsRounded from '@mui/icons-material/TableRowsRounded'
import ViewComfyRounded from '@mui/icons-material/ViewComfyRounded'
import ViewModuleRounded from '@mui/icons-material/ViewModuleRounded'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { DENSITIES, type Density } from '@/shared/preferences'

const ICONS: Record<Density, ReactElement> = {
  tiles: <ViewModuleRounded fontSize="small" />,
  compact: <ViewComfyRounded fontSize="small" />,
  table: <TableRowsRounded fontSize="small" />,
}

interface DensitySwitchProps {
  value: Density
  onChange: (density: Density) => void
}

/** Tiles, compact tiles or a table: three toggle buttons (each says whether it is pressed). */
export function DensitySwitch({ value, onChange }: DensitySwitchProps) {
  const { t } = useTranslation()
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={value}
      // Pressing the chosen one again would leave none chosen: keep it.
      onChange={(_, next: Density | null) => {
        if (next) onChange(next)
      }}
      aria-label={t('density.label')}
    >
      {DENSITIES.map((d) => (
        <ToggleButton
          key={d}
          value={d}
          sx={{ gap: 0.5, px: 1, py: 0.5, textTransform: 'none', whiteSpace: 'nowrap' }}
        >
          {ICONS[d]}
          <span>{t(`density.${d}`)}</span>
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  )
}
