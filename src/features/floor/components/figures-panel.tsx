import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { LATEST_CALLS_MAX } from '@/shared/events'
import { formatClock } from '@/lib/format'
import { useFigureDefinitions } from '../hooks/use-figure-definitions'
import { useFloorView } from '../hooks/use-floor-view'
import { type ShownFigures, useShownFigures } from '../hooks/use-shown-figures'
import { NOT_LIVE_OPACITY, isLive } from '../stores/connection-status'
import { useFloorStore } from '../stores/floor-store'
import { KpiGrid } from './kpi-grid'
import { CallBacksSection } from './call-backs-panel'
import { LatestCalls } from './latest-calls'
import { SectionTitle } from './section-title'
import { SkillFiguresTable } from './skill-figures-table'

/** What the figures are for, and whether they are live: one line under the title. */
function FiguresStatus({ shown }: { shown: ShownFigures }) {
  const { t } = useTranslation()
  const live = useFloorStore((s) => isLive(s.status))
  const heardAt = useFloorStore((s) =>
    s.link.lastMessageAt === null ? null : s.link.lastMessageAt + s.offset,
  )
  const parts = [shown.filtered ? t('figures.scopeFiltered') : t('figures.scopeAll')]
  if (shown.updating) parts.push(t('figures.updating'))
  return (
    <Box sx={{ mt: -0.5, mb: 1 }}>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>
        {parts.join(' · ')}
      </Typography>
      {!live && (
        <Typography variant="caption" role="status" sx={{ color: 'warning.main', fontWeight: 600 }}>
          {heardAt === null
            ? t('figures.notLiveNever')
            : t('figures.notLive', { time: formatClock(heardAt) })}
        </Typography>
      )}
      {shown.failed && (
        <Typography variant="caption" role="alert" sx={{ color: 'error.main', display: 'block' }}>
          {t('figures.failed')}
        </Typography>
      )}
    </Box>
  )
}

function FiguresBody({ shown }: { shown: ShownFigures }) {
  const { t } = useTranslation()
  const figures = shown.figures!
  const definitions = useFigureDefinitions(figures.total)
  const live = useFloorStore((s) => isLive(s.status))
  return (
    <Box
      data-live={live}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        gap: 1.5,
        opacity: live && !shown.updating ? 1 : NOT_LIVE_OPACITY,
        transition: 'opacity 200ms',
      }}
    >
      <KpiGrid figures={figures.total} coverage={shown} />
      {figures.bySkill.length > 0 && (
        <Box>
          <Typography
            variant="overline"
            component="h3"
            sx={{ color: 'text.secondary', display: 'block' }}
          >
            {t('figures.bySkill')}
          </Typography>
          <SkillFiguresTable rows={figures.bySkill} definitions={definitions} />
        </Box>
      )}
    </Box>
  )
}

/**
 * Today's figures (total and per skill group) for what the floor shows, the abandoned callers
 * still to call back, and the latest calls.
 */
export function FiguresPanel() {
  const { t } = useTranslation()
  const [view] = useFloorView()
  const shown = useShownFigures(view)
  const callCount = useFloorStore((s) => s.latestCalls.length)
  return (
    // When the column cannot hold every section, it scrolls as a whole.
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        height: '100%',
        minHeight: 0,
        overflowY: 'auto',
      }}
    >
      <Box component="section" aria-labelledby="figures-title" sx={{ p: 2, pb: 1.5 }}>
        <SectionTitle id="figures-title" aside={shown.figures?.day}>
          {t('figures.title')}
        </SectionTitle>
        <FiguresStatus shown={shown} />
        {shown.figures ? (
          <FiguresBody shown={shown} />
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('figures.waiting')}
          </Typography>
        )}
      </Box>
      <CallBacksSection />
      <Box
        component="section"
        aria-labelledby="calls-title"
        sx={{
          flex: 1,
          minHeight: 160,
          display: 'flex',
          flexDirection: 'column',
          borderTop: 1,
          borderColor: 'divider',
        }}
      >
        <Box sx={{ px: 2, pt: 1.5 }}>
          <SectionTitle
            id="calls-title"
            aside={
              callCount > 0
                ? t('calls.count', { count: Math.min(callCount, LATEST_CALLS_MAX) })
                : undefined
            }
          >
            {t('calls.title')}
          </SectionTitle>
        </Box>
        <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 1, pb: 1 }}>
          <LatestCalls />
        </Box>
      </Box>
    </Box>
  )
}
