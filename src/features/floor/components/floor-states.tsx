import FilterAltOffRounded from '@mui/icons-material/FilterAltOffRounded'
import SupportAgentRounded from '@mui/icons-material/SupportAgentRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import { useTranslation } from 'react-i18next'
import { MessageState } from '@/components/ui/message-state'
import { useReplaying } from '../stores/replay-store'
import { TILE_GAP, TILE_HEIGHT, TILE_MIN_WIDTH } from '../utils/grid-layout'

const SKELETON_TILES = 36

/** Before the first snapshot: the grid's shape, so nothing jumps when the agents arrive. */
export function GridSkeleton() {
  const { t } = useTranslation()
  return (
    <Box
      role="status"
      aria-busy
      aria-label={t('floor.loading')}
      sx={{
        flex: 1,
        minHeight: 0,
        overflow: 'hidden',
        px: 1.5,
        pt: 1,
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(${TILE_MIN_WIDTH}px, 1fr))`,
        gridAutoRows: TILE_HEIGHT,
        alignContent: 'start',
        gap: `${TILE_GAP}px`,
      }}
    >
      {Array.from({ length: SKELETON_TILES }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={TILE_HEIGHT} animation="wave" />
      ))}
    </Box>
  )
}

/**
 * A snapshot came, but with nobody on it yet. `scope`: the signed-in user's limit (department,
 * skill groups) when they have one: then the floor is empty because nobody is in it, and the
 * callback URL is not the thing to check.
 */
export function EmptyFloor({ scope }: { scope?: string | null | undefined }) {
  const { t } = useTranslation()
  const replaying = useReplaying()
  // Looking back before anyone was on the floor: the platform's callback is not the question.
  if (replaying)
    return (
      <MessageState
        icon={<SupportAgentRounded />}
        title={t('replay.emptyTitle')}
        body={t('replay.emptyBody')}
      />
    )
  if (scope)
    return (
      <MessageState
        icon={<SupportAgentRounded />}
        title={t('floor.emptyScopeTitle')}
        body={t('floor.emptyScopeBody', { scope })}
      />
    )
  return (
    <MessageState
      icon={<SupportAgentRounded />}
      title={t('floor.emptyTitle')}
      body={t('floor.emptyBody')}
    />
  )
}

/** Agents exist, but the filters hide them all. */
export function NoMatch({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation()
  return (
    <MessageState
      icon={<FilterAltOffRounded />}
      title={t('floor.noMatchTitle')}
      body={t('floor.noMatchBody')}
      action={
        <Button variant="outlined" onClick={onClear} startIcon={<FilterAltOffRounded />}>
          {t('floor.clearFilters')}
        </Button>
      }
    />
  )
}
