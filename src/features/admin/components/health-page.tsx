import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { HealthDetails } from '@/shared/health'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { formatElapsed } from '@/lib/format'
import { useHealthDetails } from '../api/get-health'
import { LoadFailed } from './admin-table-states'
import { PageHeader } from './page-header'
import { QuarantineList } from './quarantine-list'

/** The quarantine's heading: the count up front links to it. */
const LIST_HEADING = 'webhook-quarantine'

/**
 * `/admin/health`: what the relay has received since it started, and the webhooks of the
 * tenant it could not apply (the quarantine), with their count up front.
 */
export function HealthPage() {
  const { t } = useTranslation()
  const health = useHealthDetails()

  return (
    <>
      <PageHeader
        title={t('health.title')}
        aside={
          health.data
            ? t('health.uptime', { time: formatElapsed(health.data.uptimeSec * 1000) })
            : undefined
        }
      />
      <Box sx={{ mb: 3 }}>
        {health.isPending ? (
          <>
            <Box role="status" sx={VISUALLY_HIDDEN}>
              {t('health.loading')}
            </Box>
            <Skeleton variant="rounded" height={96} animation="wave" aria-hidden />
          </>
        ) : health.isError ? (
          <Paper variant="outlined">
            <LoadFailed title={t('health.errorTitle')} onRetry={() => void health.refetch()} />
          </Paper>
        ) : (
          <Figures health={health.data} />
        )}
      </Box>
      <QuarantineList headingId={LIST_HEADING} />
    </>
  )
}

interface Figure {
  label: string
  value: number
  /** Shown in the warning colour when above zero. */
  warn?: boolean
  href?: string
}

function Figures({ health }: { health: HealthDetails }) {
  const { t } = useTranslation()
  const w = health.webhooks
  const ignored = Object.values(w.ignored).reduce((a, b) => a + b, 0)
  const figures: Figure[] = [
    {
      label: t('health.quarantined'),
      value: health.quarantine.pending,
      warn: true,
      href: `#${LIST_HEADING}`,
    },
    { label: t('health.applied'), value: w.applied },
    { label: t('health.staleOrDuplicate'), value: w.stale + w.duplicate },
    { label: t('health.ignored'), value: ignored },
    { label: t('health.invalid'), value: w.invalid + w.tooLarge, warn: true },
    { label: t('health.unauthorized'), value: w.unauthorized + w.forbidden, warn: true },
    { label: t('health.agents'), value: health.agents },
    { label: t('health.clients'), value: health.clients },
  ]
  return (
    <Box
      component="dl"
      aria-label={t('health.figuresLabel')}
      sx={{
        m: 0,
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
      }}
    >
      {figures.map((f) => (
        <Paper key={f.label} variant="outlined" sx={{ p: 1.5 }}>
          <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
            {f.href && f.value > 0 ? (
              <Box component="a" href={f.href} sx={{ color: 'inherit' }}>
                {f.label}
              </Box>
            ) : (
              f.label
            )}
          </Typography>
          <Typography
            component="dd"
            sx={{
              m: 0,
              fontSize: 28,
              fontWeight: 600,
              fontVariantNumeric: 'tabular-nums',
              color: f.warn && f.value > 0 ? 'warning.main' : 'text.primary',
            }}
          >
            {f.value.toLocaleString()}
          </Typography>
        </Paper>
      ))}
    </Box>
  )
}
