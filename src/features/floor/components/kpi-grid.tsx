import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'
import type { QueueFigures } from '@/shared/floor'
import { formatPercent, formatSeconds } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useLanguage } from '@/hooks/use-language'

interface Kpi {
  label: string
  value: string
  hint?: string
  tone?: 'error'
}

/** Today's totals as eight small figures. */
export function KpiGrid({
  figures,
  slThresholdSec,
}: {
  figures: QueueFigures
  slThresholdSec: number
}) {
  const { t } = useTranslation()
  const locale = htmlLang(useLanguage())
  const kpis: Kpi[] = [
    { label: t('figures.offered'), value: String(figures.offered) },
    { label: t('figures.answered'), value: String(figures.answered) },
    {
      label: t('figures.abandoned'),
      value: String(figures.abandoned),
      ...(figures.abandoned > 0 ? { tone: 'error' as const } : {}),
    },
    {
      label: t('figures.serviceLevel'),
      value: formatPercent(figures.serviceLevel, locale),
      hint: t('figures.serviceLevelHint', { sec: slThresholdSec }),
    },
    { label: t('figures.asa'), value: formatSeconds(figures.asaSec) },
    { label: t('figures.aht'), value: formatSeconds(figures.ahtSec) },
    {
      label: t('figures.longestQueue'),
      value: formatSeconds(figures.offered > 0 ? figures.longestQueueSec : null),
    },
    { label: t('figures.outbound'), value: String(figures.outbound) },
  ]
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}
    >
      {kpis.map((k) => {
        const cell = (
          <Box
            key={k.label}
            tabIndex={k.hint ? 0 : undefined}
            sx={{
              px: 1,
              py: 0.75,
              borderRadius: 1,
              bgcolor: 'action.hover',
              minWidth: 0,
              '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
            }}
          >
            <Box
              component="dt"
              sx={{
                fontSize: '0.6875rem',
                color: 'text.secondary',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
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
          </Box>
        )
        return k.hint ? (
          <Tooltip key={k.label} title={k.hint}>
            {cell}
          </Tooltip>
        ) : (
          cell
        )
      })}
    </Box>
  )
}
