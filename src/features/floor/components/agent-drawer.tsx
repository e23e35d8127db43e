import CloseRounded from '@mui/icons-material/CloseRounded'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Typography from '@mui/material/Typography'
import { type ComponentType, type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { DEFAULT_PLATFORM_TZ, formatQueryTime } from '@/shared/platform-time'
import { localPart } from '@/lib/format'
import { useAgent } from '../hooks/use-agent'
import { useReasonLabel } from '../hooks/use-reason-label'
import { AgentDrawerHeader } from './agent-drawer-header'
import { FamilyIcon } from '@/components/ui/family-icon'
import { MonitorList } from './monitor-list'
import { StateTimer } from './state-timer'

interface AgentDrawerProps {
  /** The agent shown, or null when closed. */
  agentId: string | null
  onClose: () => void
  /** The app's actions on the agent (supervisors), drawn above the details. */
  actions?: ComponentType<{ agent: AgentView }> | undefined
  /** The agent's day (the app's timeline), drawn below the actions. */
  timeline?: ComponentType<{ agent: AgentView }> | undefined
}

type Section = ComponentType<{ agent: AgentView }> | undefined

/**
 * Everything the floor knows about one agent, live, with the app's actions on it and its day.
 * A modal dialog: focus stays inside while it is open, Escape closes it, and focus goes back
 * to where it was (the tile).
 */
export function AgentDrawer({ agentId, onClose, actions, timeline }: AgentDrawerProps) {
  const titleId = useId()
  const { t } = useTranslation()
  return (
    <Drawer
      anchor="right"
      open={agentId !== null}
      onClose={onClose}
      slotProps={{ paper: { 'aria-labelledby': titleId, sx: { width: { xs: '100%', sm: 480 } } } }}
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          px: 2.5,
          py: 1.5,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography
          id={titleId}
          variant="overline"
          component="h2"
          sx={{ flex: 1, color: 'text.secondary', lineHeight: 1.5 }}
        >
          {t('agent.title')}
        </Typography>
        <IconButton aria-label={t('agent.close')} onClick={onClose} edge="end">
          <CloseRounded />
        </IconButton>
      </Box>
      {agentId !== null && <AgentDetails id={agentId} actions={actions} timeline={timeline} />}
    </Drawer>
  )
}

function AgentDetails({
  id,
  actions: Actions,
  timeline: Timeline,
}: {
  id: string
  actions: Section
  timeline: Section
}) {
  const { t } = useTranslation()
  const agent = useAgent(id)
  if (!agent) {
    return (
      <Typography sx={{ p: 2.5, color: 'text.secondary' }} role="status">
        {t('agent.gone')}
      </Typography>
    )
  }
  return (
    <>
      <AgentDrawerHeader agent={agent} />
      {Actions && <Actions agent={agent} />}
      {Timeline && <Timeline agent={agent} />}
      <AgentFields agent={agent} />
    </>
  )
}

function AgentFields({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const headingId = useId()
  const reasonLabel = useReasonLabel()
  const family = stateFamily(agent.acState)
  const none = (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {t('agent.none')}
    </Box>
  )
  const rows: [string, ReactNode][] = [
    [t('agent.name'), agent.name ?? none],
    [t('agent.id'), agent.id],
    [
      t('agent.state'),
      <Box
        component="span"
        key="state"
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}
      >
        <FamilyIcon family={family} sx={{ fontSize: 18, color: `family.${family}.main` }} />
        {t(`states.${agent.acState}`)}
        <Box component="span" sx={{ color: 'text.secondary' }}>
          · {t(`families.${family}`)}
        </Box>
      </Box>,
    ],
    ...(agent.acStateRaw && agent.acStateRaw !== agent.acState
      ? [[t('agent.rawState'), agent.acStateRaw] as [string, ReactNode]]
      : []),
    [
      t('agent.timeInState'),
      <StateTimer key="timer" since={agent.stateSince} approx={agent.approxTime} />,
    ],
    [
      t('agent.since'),
      agent.approxTime
        ? `${t('approxTime.mark')}${formatQueryTime(agent.stateSince, DEFAULT_PLATFORM_TZ)} (${t('approxTime.hint')})`
        : formatQueryTime(agent.stateSince, DEFAULT_PLATFORM_TZ),
    ],
    [t('agent.lastState'), agent.lastACState ? t(`states.${agent.lastACState}`) : none],
    [t('agent.reason'), agent.reason ? reasonLabel(agent.reason) : none],
    [t('agent.callId'), agent.callId ?? none],
    [t('agent.customerNumber'), agent.customerNumber ?? none],
    ...(agent.monitors && agent.monitors.length > 0
      ? [
          [t('monitors.title'), <MonitorList key="monitors" monitors={agent.monitors} />] as [
            string,
            ReactNode,
          ],
        ]
      : []),
    [t('agent.workSkill'), agent.workSkill ?? none],
    [
      t('agent.skills'),
      agent.skills.length > 0 ? (
        <Box key="skills" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {agent.skills.map((s) => (
            <Chip key={s} size="small" label={localPart(s)} title={s} />
          ))}
        </Box>
      ) : (
        none
      ),
    ],
    [t('agent.extension'), agent.channelAddr ?? none],
    [t('agent.department'), agent.org.name ?? none],
    [t('agent.orgId'), agent.org.id ?? none],
    [t('agent.treePos'), agent.org.treePos ?? none],
    [t('agent.namespace'), agent.namespace],
    [t('agent.serial'), agent.serial],
  ]
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ px: 2.5, py: 2 }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ mb: 1.25 }}>
        {t('drawer.details')}
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'minmax(96px, auto) 1fr',
          columnGap: 2,
          rowGap: 1.25,
          fontSize: '0.875rem',
          '& dt': { color: 'text.secondary' },
          '& dd': {
            m: 0,
            minWidth: 0,
            overflowWrap: 'anywhere',
            fontVariantNumeric: 'tabular-nums',
          },
        }}
      >
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Box>
        ))}
      </Box>
    </Box>
  )
}
