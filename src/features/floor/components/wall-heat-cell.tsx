import { styled } from '@mui/material/styles'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { localPart } from '@/lib/format'
import { useAgent } from '../hooks/use-agent'
import { useBreach } from '../hooks/use-breach'
import { FamilyIcon } from '@/components/ui/family-icon'
import { breachStyles, familyVars } from './tile-styles'

/**
 * One agent of the wall's heatmap: a square in its state's colour with the state's icon in it
 * (so families differ in shape too), sized in `em` of the heatmap's cell size. Over time, it
 * gets the tiles' amber or red edge.
 */
const HeatCellRoot = styled('div')(({ theme }) => ({
  ...familyVars(theme),
  ...breachStyles(theme, 'max(2px, 0.1em)', '.heat-none'),
  position: 'relative',
  boxSizing: 'border-box',
  display: 'grid',
  placeItems: 'center',
  borderRadius: '0.12em',
  backgroundColor: 'var(--family-main)',
  color: 'var(--family-bg)',
  '& .heat-icon': { fontSize: '0.62em' },
}))

function HeatCellCard({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const breach = useBreach(agent)
  const family = stateFamily(agent.acState)
  const cell = t('wall.heatCell', {
    name: agent.name ?? localPart(agent.id),
    state: t(`states.${agent.acState}`),
  })
  const label =
    breach === 'ok'
      ? cell
      : t('thresholds.tileLabel', { label: cell, breach: t(`thresholds.${breach}`) })
  return (
    <HeatCellRoot
      role="img"
      aria-label={label}
      title={label}
      data-family={family}
      data-breach={breach === 'ok' ? undefined : breach}
      data-agent-id={agent.id}
      data-heat-cell
    >
      <FamilyIcon family={family} className="heat-icon" />
    </HeatCellRoot>
  )
}

/** One agent in the wall's heatmap, by id: re-renders when that agent changes. */
export const WallHeatCell = memo(function WallHeatCell({ id }: { id: string }) {
  const agent = useAgent(id)
  return agent ? <HeatCellCard agent={agent} /> : null
})
