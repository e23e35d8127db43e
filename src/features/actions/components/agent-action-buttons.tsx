import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink, useLocation } from 'react-router'
import { returnState } from '@/lib/return-to'
import { type ActionOp, OFFERED_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { useActions } from '../hooks/use-actions'
import { useOpAvailability } from '../hooks/use-op-availability'
import { useUnavailableText } from '../hooks/use-unavailable-text'
import { OpIcon } from './op-icon'

const DANGER: readonly ActionOp[] = ['drop', 'logout']

/**
 * The actions in the agent's drawer: a button per operation, and below them, in words, why the
 * greyed ones cannot be run now (grouped: "监听、强插、接管、强拆：坐席不在通话中").
 */
export function AgentActionButtons({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const headingId = useId()
  const reasonsId = useId()
  const { request, profilePath } = useActions()
  const location = useLocation()
  const ops = useOpAvailability(agent, OFFERED_OPS)
  const unavailableText = useUnavailableText()

  // One line per distinct reason, naming the operations it holds back.
  const reasons = new Map<string, { ops: ActionOp[]; profile: boolean }>()
  for (const { op, availability } of ops) {
    if (availability.enabled) continue
    const text = unavailableText(availability.reason, agent)
    const line = reasons.get(text) ?? {
      ops: [],
      profile: availability.reason.code === 'profileIncomplete',
    }
    line.ops.push(op)
    reasons.set(text, line)
  }

  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={{ px: 2.5, pt: 2, pb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Typography id={headingId} variant="h3" component="h3" sx={{ mb: 1.25 }}>
        {t('actions.title')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 1 }}>
        {ops.map(({ op, availability }) => (
          <Button
            key={op}
            variant="outlined"
            size="small"
            color={DANGER.includes(op) ? 'error' : 'primary'}
            startIcon={<OpIcon op={op} />}
            disabled={!availability.enabled}
            aria-describedby={availability.enabled ? undefined : reasonsId}
            onClick={() => request(agent, op)}
            sx={{ justifyContent: 'flex-start' }}
          >
            {t(`actions.ops.${op}`)}
          </Button>
        ))}
      </Box>
      {reasons.size > 0 && (
        <Box
          component="ul"
          id={reasonsId}
          sx={{
            m: 0,
            mt: 1.5,
            p: 0,
            listStyle: 'none',
            display: 'grid',
            gap: 0.5,
            fontSize: '0.8125rem',
            color: 'text.secondary',
          }}
        >
          {[...reasons].map(([text, line]) => (
            <li key={text}>
              {t('actions.reasonLine', {
                ops: line.ops.map((op) => t(`actions.ops.${op}`)).join(t('actions.listSeparator')),
                reason: text,
              })}
              {line.profile && (
                <>
                  {' '}
                  <Link component={RouterLink} to={profilePath} state={returnState(location)}>
                    {t('actions.openProfile')}
                  </Link>
                </>
              )}
            </li>
          ))}
        </Box>
      )}
    </Box>
  )
}
