import GridViewRounded from '@mui/icons-material/GridViewRounded'
import ViewCarouselRounded from '@mui/icons-material/ViewCarouselRounded'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import { useTranslation } from 'react-i18next'
import type { WallMode } from '../utils/wall-mode'

/** Heatmap or pages: the choice goes into the URL, so a wall-screen link can keep it. */
export function WallModeSwitch({
  mode,
  onChange,
}: {
  mode: WallMode
  onChange: (mode: WallMode) => void
}) {
  const { t } = useTranslation('wall')
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={mode}
      aria-label={t('wall.mode.label')}
      onChange={(_, next: WallMode | null) => next && onChange(next)}
      sx={{
        '& .MuiToggleButton-root': {
          gap: '0.5vh',
          fontSize: 'max(12px, 1.5vh)',
          py: '0.3vh',
          whiteSpace: 'nowrap',
        },
        '& svg': { fontSize: 'max(16px, 2vh)' },
      }}
    >
      <ToggleButton value="heatmap">
        <GridViewRounded aria-hidden />
        {t('wall.mode.heatmap')}
      </ToggleButton>
      <ToggleButton value="pages">
        <ViewCarouselRounded aria-hidden />
        {t('wall.mode.pages')}
      </ToggleButton>
    </ToggleButtonGroup>
  )
}
