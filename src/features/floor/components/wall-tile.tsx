import { styled } from '@mui/material/styles'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { localPart } from '@/lib/format'
import { useAgent } from '../hooks/use-agent'
import { useBreach } from '../hooks/use-breach'
import { BreachIcon } from './breach-icon'
import { FamilyIcon } from '@/components/ui/family-icon'
import { StateTimer } from './state-timer'
import { breachStyles, familyVars } from './tile-styles'

/**
 * A tile for the wall screen: name and time in state on top, the state below (the agent's id
 * only when there is no name: across a room, people go by names), sized in `em` of the grid's
 * font size so one number scales it for the room. Fills its grid cell; no hover, no menu.
 */
const WallTileRoot = styled('div')(({ theme }) => ({
  ...familyVars(theme),
  ...breachStyles(theme, '0.14em', '.wall-timer', '0.12em'),
  position: 'relative',
  boxSizing: 'border-box',
  width: '100%',
  height: '100%',
  minWidth: 0,
  overflow: 'hidden',
  padding: '0.3em 0.4em 0.3em 0.6em',
  display: 'grid',
  gridTemplateRows: 'auto auto',
  alignContent: 'center',
  rowGap: '0.12em',
  borderRadius: '0.22em',
  border: `1px solid ${theme.vars.palette.divider}`,
  backgroundColor: 'var(--family-bg)',
  color: theme.vars.palette.text.primary,
  '&::before': {
    content: '""',
    position: 'absolute',
    inset: '0 auto 0 0',
    width: '0.22em',
    backgroundColor: 'var(--family-main)',
  },
  '& .wall-line': {
    display: 'flex',
    alignItems: 'center',
    gap: '0.25em',
    minWidth: 0,
    whiteSpace: 'nowrap',
  },
  // A four-character name beside an over-time `3h06` fits the narrowest tile (8 em).
  '& .wall-name': {
    fontSize: '0.92em',
    fontWeight: 700,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
    flex: 1,
  },
  '& .wall-icon': { fontSize: '0.85em', color: 'var(--family-main)', flexShrink: 0 },
  '& .wall-state': {
    fontSize: '0.76em',
    fontWeight: 600,
    color: 'var(--family-text)',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
    flex: 1,
  },
  '& .wall-breach': { fontSize: '0.85em', flexShrink: 0 },
  '& .wall-timer': {
    fontSize: '0.94em',
    fontWeight: 700,
    fontVariantNumeric: 'tabular-nums',
    flexShrink: 0,
  },
}))

function WallTileCard({ agent }: { agent: AgentView }) {
  const { t } = useTranslation()
  const breach = useBreach(agent)
  const family = stateFamily(agent.acState)
  const state = t(`states.${agent.acState}`)
  const shortId = localPart(agent.id)
  const name = agent.name ?? shortId
  const label = t('tile.label', { name, id: agent.id, state })
  return (
    <WallTileRoot
      role="group"
      aria-label={
        breach === 'ok'
          ? label
          : t('thresholds.tileLabel', { label, breach: t(`thresholds.${breach}`) })
      }
      data-family={family}
      data-breach={breach === 'ok' ? undefined : breach}
      data-agent-id={agent.id}
    >
      <div className="wall-line">
        <span className="wall-name">{name}</span>
        <StateTimer
          since={agent.stateSince}
          approx={agent.approxTime}
          short
          className="wall-timer"
        />
      </div>
      <div className="wall-line">
        <FamilyIcon family={family} className="wall-icon" />
        {/* The short form fits the tile; the full one is the tile's label. */}
        <span className="wall-state" title={state}>
          {t(`statesShort.${agent.acState}`)}
        </span>
        <BreachIcon breach={breach} className="wall-breach" />
      </div>
    </WallTileRoot>
  )
}

/** One agent on the wall, by id: re-renders when that agent changes or crosses a threshold. */
export const WallTile = memo(function WallTile({ id }: { id: string }) {
  const agent = useAgent(id)
  return agent ? <WallTileCard agent={agent} /> : null
})
