import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { useTick } from '@/hooks/use-tick'
import type { AgentView } from '@/shared/floor'
import { DEFAULT_PLATFORM_TZ } from '@/shared/platform-time'
import type { AgentTimeline as Timeline } from '@/shared/timeline'
import { useAgentTimeline } from '../api/get-agent-timeline'
import { withLiveEdge } from '../utils/live-edge'
import { stripRange } from '../utils/strip-layout'
import { familyTotals } from '../utils/totals'
import { FamilyTotalsTable } from './family-totals-table'
import { TimelineCalls } from './timeline-calls'
import { TimelineStrip } from './timeline-strip'

/**
 * The agent's day in the details drawer: the strip of states with its time axis, the count and
 * time per family, and today's calls. Fetched when the drawer opens and each minute after; in
 * between, the current state grows at the right edge with the floor's live view of the agent.
 */
export function AgentTimeline({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const headingId = useId()
  const timeline = useAgentTimeline(agent.id)
  let body
  if (timeline.data) {
    body = <TimelineBody data={timeline.data} fetchedAt={timeline.dataUpdatedAt} agent={agent} />
  } else if (timeline.isError) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void timeline.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('timeline.error')}
      </Alert>
    )
  } else {
    body = (
      <Box>
        <Box component="span" role="status" sx={VISUALLY_HIDDEN}>
          {t('timeline.loading')}
        </Box>
        <Skeleton variant="rounded" height={28} animation="wave" aria-hidden />
        <Skeleton variant="text" width="60%" animation="wave" aria-hidden />
      </Box>
    )
  }
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={{ px: 2.5, pt: 2, pb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 1.25 }}>
        <Typography id={headingId} variant="h3" component="h3">
          {t('timeline.title')}
        </Typography>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('timeline.timeZone')}
        </Typography>
      </Box>
      {body}
    </Box>
  )
}

function TimelineBody({
  data,
  fetchedAt,
  agent,
}: {
  data: Timeline
  fetchedAt: number
  agent: AgentView
}) {
  const { t } = useTranslation()
  const hintId = useId()
  const totalsId = useId()
  const callsId = useId()
  // Server time runs on from the moment of the fetch, whatever this machine's clock says.
  const now = useTick() + (data.to - fetchedAt)
  const live = withLiveEdge(data, agent, now)
  const range =
    data.segments.length > 0 ? stripRange(live.segments, live.to, DEFAULT_PLATFORM_TZ) : null
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {range ? (
        <Box>
          <TimelineStrip segments={live.segments} range={range} hintId={hintId} />
          <Typography id={hintId} variant="caption" component="p" sx={{ color: 'text.secondary' }}>
            {t('timeline.keyboardHint')}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('timeline.empty')}
        </Typography>
      )}
      {range && (
        <Box>
          <Typography id={totalsId} variant="overline" component="h4" sx={subheadingSx}>
            {t('timeline.totalsTitle')}
          </Typography>
          <FamilyTotalsTable rows={familyTotals(live.segments)} labelId={totalsId} />
        </Box>
      )}
      <Box>
        <Typography id={callsId} variant="overline" component="h4" sx={subheadingSx}>
          {t('timeline.callsTitle', { count: data.calls.length })}
        </Typography>
        {data.calls.length > 0 ? (
          <TimelineCalls calls={data.calls} labelId={callsId} />
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('timeline.noCalls')}
          </Typography>
        )}
      </Box>
    </Box>
  )
}

const subheadingSx = { color: 'text.secondary', display: 'block', lineHeight: 2 } as const
