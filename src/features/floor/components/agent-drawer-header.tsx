import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { DEFAULT_PLATFORM_TZ, formatQueryTime } from '@/shared/platform-time'
import { callDirection } from '../utils/call-direction'
import { FamilyIcon } from '@/components/ui/family-icon'
import { RepeatCallerFlag } from '@/components/ui/repeat-caller-flag'
import { StateTimer } from './state-timer'

/**
 * Who the drawer is about, at a glance: name and id, the state with its live timer, and the
 * call the agent is on (which way, since when, and the customer's number).
 */
export function AgentDrawerHeader({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const family = stateFamily(agent.acState)
  const direction = callDirection(agent)
  const callSince = agent.callSince ?? null
  return (
    <Box
      component="section"
      aria-label={t('drawer.headerLabel')}
      sx={{ px: 2.5, py: 1.75, borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography variant="h2" component="p" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {agent.name ?? agent.id}
      </Typography>
      <Typography
        variant="body2"
        sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
      >
        {agent.id}
        {agent.org.name ? ` · ${agent.org.name}` : ''}
      </Typography>
      <Box
        sx={{
          mt: 1,
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.75,
          px: 1,
          py: 0.25,
          borderRadius: 1,
          bgcolor: `family.${family}.bg`,
          color: `family.${family}.text`,
          fontWeight: 500,
        }}
      >
        <FamilyIcon family={family} sx={{ fontSize: 18, color: `family.${family}.main` }} />
        {t(`states.${agent.acState}`)}
        <StateTimer
          since={agent.stateSince}
          approx={agent.approxTime}
          className="drawer-state-timer"
        />
      </Box>
      {agent.callId && (
        <Box
          component="dl"
          sx={{
            m: 0,
            mt: 1.25,
            display: 'grid',
            gridTemplateColumns: 'auto 1fr',
            columnGap: 1.5,
            rowGap: 0.5,
            fontSize: '0.875rem',
            '& dt': { color: 'text.secondary' },
            '& dd': { m: 0, minWidth: 0, fontVariantNumeric: 'tabular-nums' },
          }}
        >
          <dt>{t('drawer.call')}</dt>
          <dd>
            {direction ? t(`drawer.direction.${direction}`) : t('drawer.onCall')}
            {callSince !== null && (
              <>
                {' · '}
                {t('drawer.callSince', {
                  time: formatQueryTime(callSince, DEFAULT_PLATFORM_TZ).slice(11),
                })}
                {' ('}
                <StateTimer since={callSince} />
                {')'}
              </>
            )}
          </dd>
          <dt>{t('drawer.caller')}</dt>
          <dd>
            {agent.customerNumber ?? (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {t('drawer.callerUnknown')}
              </Box>
            )}
            {/* A repeat caller: the count, and the number's calls of the day a click away. */}
            {agent.callerCallsToday ? (
              <>
                {' '}
                <RepeatCallerFlag
                  count={agent.callerCallsToday}
                  number={agent.customerNumber}
                  at={callSince ?? agent.stateSince}
                />
              </>
            ) : null}
          </dd>
        </Box>
      )}
    </Box>
  )
}
