import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'
import type { QueueFigures } from '@/shared/floor'
import { formatPercent, formatSeconds } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useLanguage } from '@/hooks/use-language'
import { useFigureDefinitions } from '../hooks/use-figure-definitions'

interface Kpi {
  key: string
  label: string
  value: string
  /** A short line under the value: what it counts, or what it is not narrowed by. */
  note?: string | undefined
  /** The figure's definition, shown on hover and focus. */
  definition: string
  tone?: 'error'
}

/** What the figures cover when the floor is filtered (see `useShownFigures`). */
export interface KpiCoverage {
  /** A department filter is on: the queue's figures are for every department. */
  byDept: boolean
  /** A skill filter is on: outbound is for every skill group. */
  bySkill: boolean
}

const WHOLE: KpiCoverage = { byDept: false, bySkill: false }

/** Today's totals as eight small figures, each with its definition on hover and focus. */
export function KpiGrid({
  figures,
  coverage = WHOLE,
}: {
  figures: QueueFigures
  coverage?: KpiCoverage
}) {
  const { t } = useTranslation()
  const locale = htmlLang(useLanguage())
  const def = useFigureDefinitions(figures)
  // Figures of the queue cannot follow a department; outbound cannot follow a skill group.
  const allDepts = coverage.byDept ? t('figures.allDepts') : undefined
  const queueDef = (d: string) => (coverage.byDept ? `${d} ${t('figures.defAllDepts')}` : d)
  const kpis: Kpi[] = [
    {
      key: 'offered',
      label: t('figures.offered'),
      value: String(figures.offered),
      note: allDepts,
      definition: queueDef(def.offered),
    },
    {
      key: 'answered',
      label: t('figures.answered'),
      value: String(figures.answered),
      definition: def.answered,
    },
    {
      key: 'abandoned',
      label: t('figures.abandoned'),
      value: String(figures.abandoned),
      note:
        allDepts ??
        (figures.abandonRate === null
          ? undefined
          : t('figures.abandonRate', { rate: formatPercent(figures.abandonRate, locale) })),
      definition: queueDef(def.abandoned),
      ...(figures.abandoned > 0 ? { tone: 'error' as const } : {}),
    },
    {
      key: 'serviceLevel',
      label: t('figures.serviceLevel'),
      value: formatPercent(figures.serviceLevel, locale),
      note: allDepts ?? t('figures.slNote', { target: figures.slTargetPct }),
      definition: queueDef(def.serviceLevel),
    },
    {
      key: 'asa',
      label: t('figures.asa'),
      value: formatSeconds(figures.asaSec),
      note: t('figures.asaNote'),
      definition: def.asa,
    },
    {
      key: 'aht',
      label: t('figures.aht'),
      value: formatSeconds(figures.ahtSec),
      note: t('figures.ahtNote'),
      definition: def.aht,
    },
    {
      key: 'longestQueue',
      label: t('figures.longestQueue'),
      value: formatSeconds(figures.offered > 0 ? figures.longestQueueSec : null),
      note: allDepts,
      definition: queueDef(def.longestQueue),
    },
    {
      key: 'outbound',
      label: t('figures.outbound'),
      value: String(figures.outbound),
      note: coverage.bySkill ? t('figures.allSkills') : undefined,
      definition: coverage.bySkill ? `${def.outbound} ${t('figures.defAllSkills')}` : def.outbound,
    },
  ]
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}
    >
      {kpis.map((k) => (
        <Tooltip key={k.key} title={k.definition} describeChild>
          <Box
            tabIndex={0}
            data-figure={k.key}
            sx={{
              px: 1,
              py: 0.75,
              borderRadius: 1,
              bgcolor: 'action.hover',
              minWidth: 0,
              cursor: 'help',
              '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
            }}
          >
            <Box
              component="dt"
              sx={{
                fontSize: '0.6875rem',
                lineHeight: 1.3,
                color: 'text.secondary',
                // Four across a narrow panel: a long name wraps rather than losing its end.
                overflowWrap: 'anywhere',
              }}
            >
              {k.label}
            </Box>
            <Box
              component="dd"
              sx={{
                m: 0,
                fontSize: '1.125rem',
                fontWeight: 650,
                fontVariantNumeric: 'tabular-nums',
                color: k.tone === 'error' ? 'error.main' : 'text.primary',
              }}
            >
              {k.value}
            </Box>
            {k.note && (
              <Box
                component="dd"
                sx={{ m: 0, fontSize: '0.625rem', lineHeight: 1.3, color: 'text.secondary' }}
              >
                {k.note}
              </Box>
            )}
          </Box>
        </Tooltip>
      ))}
    </Box>
  )
}
