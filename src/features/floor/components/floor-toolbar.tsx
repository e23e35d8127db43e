import FilterAltOffRounded from '@mui/icons-material/FilterAltOffRounded'
import InsightsRounded from '@mui/icons-material/InsightsRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import type { StateFamily } from '@/shared/ac-state'
import { useFloorCounts } from '../hooks/use-floor-counts'
import type { UpdateFloorView } from '../hooks/use-floor-view'
import { useFloorStore } from '../stores/floor-store'
import { type FloorView, hasFilters } from '../utils/floor-view'
import type { Density } from '@/shared/preferences'
import { AlertMenu } from './alert-menu'
import { DensitySwitch } from './density-switch'
import { FamilyChips } from './family-chips'
import { FloorFilters } from './floor-filters'
import { OverTimeChip } from './over-time-chip'
import { ReplayButton } from './replay-button'
import { SearchField } from './search-field'
import { SortSelect } from './sort-select'
import { WallModeButton } from './wall-mode-button'

interface FloorToolbarProps {
  view: FloorView
  onChange: UpdateFloorView
  figuresOpen: boolean
  onToggleFigures: () => void
  /** The app's saved-views controls, after the sort. */
  views?: ComponentType | undefined
  /** How the agents are drawn; without `onDensityChange` the switch is not shown. */
  density?: Density | undefined
  onDensityChange?: ((density: Density) => void) | undefined
}

/** Search, filters and sort on one line; the state families with their counts below. */
export function FloorToolbar({
  view,
  onChange,
  figuresOpen,
  onToggleFigures,
  views: Views,
  density,
  onDensityChange,
}: FloorToolbarProps) {
  const { t } = useTranslation()
  const loaded = useFloorStore((s) => s.loaded)
  const toggleFamily = (family: StateFamily) =>
    onChange({
      families: view.families.includes(family)
        ? view.families.filter((f) => f !== family)
        : [...view.families, family],
    })
  const figuresLabel = figuresOpen ? t('floor.hideFigures') : t('floor.showFigures')
  return (
    <Box
      sx={{
        px: 1.5,
        pt: 1.5,
        pb: 1,
        display: 'flex',
        flexDirection: 'column',
        gap: 1.25,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      {/* The page's title, for screen readers' list of headings; the navigation shows it. */}
      <Typography variant="h1" sx={VISUALLY_HIDDEN}>
        {t('floor.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <SearchField value={view.q} onChange={(q) => onChange({ q }, { replace: true })} />
        <FloorFilters view={view} onChange={onChange} />
        <SortSelect
          value={view.sort}
          onChange={(sort) => onChange({ sort })}
          breachFirst={view.breachFirst}
          onBreachFirstChange={(breachFirst) => onChange({ breachFirst })}
        />
        {Views && <Views />}
        {density && onDensityChange && <DensitySwitch value={density} onChange={onDensityChange} />}
        <Box sx={{ flex: 1 }} />
        <FloorSummary view={view} />
        <ReplayButton />
        <Tooltip title={figuresLabel}>
          <IconButton
            aria-label={figuresLabel}
            aria-pressed={figuresOpen}
            onClick={onToggleFigures}
          >
            <InsightsRounded color={figuresOpen ? 'primary' : 'inherit'} />
          </IconButton>
        </Tooltip>
        <AlertMenu />
        <WallModeButton />
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <OverTimeChip
          scope={view}
          pressed={view.overTime}
          onToggle={() => onChange({ overTime: !view.overTime })}
          loaded={loaded}
        />
        <LiveFamilyChips view={view} onToggle={toggleFamily} />
        {hasFilters(view) && (
          <Button
            size="small"
            startIcon={<FilterAltOffRounded />}
            onClick={() =>
              onChange({ skills: [], depts: [], families: [], q: '', overTime: false })
            }
          >
            {t('floor.clearFilters')}
          </Button>
        )}
      </Box>
    </Box>
  )
}

/*
 * The counts change with almost every batch: only these two small parts read them, so a batch
 * re-renders them and not the whole toolbar (or the screen around it).
 */

/** "N agents, M logged in" within the filters; blank before the first snapshot. */
function FloorSummary({ view }: { view: FloorView }) {
  const { t } = useTranslation()
  const counts = useFloorCounts(view)
  const loaded = useFloorStore((s) => s.loaded)
  return (
    <Typography
      variant="body2"
      sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {loaded ? t('floor.summary', { total: counts.total, loggedIn: counts.loggedIn }) : '\u00a0'}
    </Typography>
  )
}

/** The state family chips with their live counts. */
function LiveFamilyChips({
  view,
  onToggle,
}: {
  view: FloorView
  onToggle: (family: StateFamily) => void
}) {
  const counts = useFloorCounts(view)
  const loaded = useFloorStore((s) => s.loaded)
  return (
    <FamilyChips
      counts={loaded ? counts.byFamily : null}
      selected={view.families}
      onToggle={onToggle}
    />
  )
}
