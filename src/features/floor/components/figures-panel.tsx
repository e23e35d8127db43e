import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { LATEST_CALLS_MAX } from '@/shared/floor'
import { useFloorStore } from '../stores/floor-store'
import { KpiGrid } from './kpi-grid'
import { LatestCalls } from './latest-calls'
import { SkillFiguresTable } from './skill-figures-table'

function SectionTitle({ id, children, aside }: { id: string; children: string; aside?: string }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 1 }}>
      <Typography id={id} variant="h2" component="h2">
        {children}
      </Typography>
      {aside && (
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
        >
          {aside}
        </Typography>
      )}
    </Box>
  )
}

/** Today's figures (total and per skill group) and the latest-calls feed. */
export function FiguresPanel() {
  const { t } = useTranslation()
  const figures = useFloorStore((s) => s.figures)
  const callCount = useFloorStore((s) => s.latestCalls.length)
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box component="section" aria-labelledby="figures-title" sx={{ p: 2, pb: 1.5 }}>
        <SectionTitle id="figures-title" aside={figures?.day}>
          {t('figures.title')}
        </SectionTitle>
        {figures ? (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
            <KpiGrid figures={figures.total} slThresholdSec={figures.slThresholdSec} />
            {figures.bySkill.length > 0 && (
              <Box>
                <Typography
                  variant="overline"
                  component="h3"
                  sx={{ color: 'text.secondary', display: 'block' }}
                >
                  {t('figures.bySkill')}
                </Typography>
                <SkillFiguresTable rows={figures.bySkill} />
              </Box>
            )}
          </Box>
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('figures.waiting')}
          </Typography>
        )}
      </Box>
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
