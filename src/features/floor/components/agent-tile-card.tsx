import CallRounded from '@mui/icons-material/CallRounded'
import ApartmentRounded from '@mui/icons-material/ApartmentRounded'
import GroupsRounded from '@mui/icons-material/GroupsRounded'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { localPart, shortCallId } from '@/lib/format'
import { useReasonLabel } from '../hooks/use-reason-label'
import { FamilyIcon } from './family-icon'
import { StateTimer } from './state-timer'
import { TileRoot } from './tile-styles'

interface AgentTileCardProps {
  agent: AgentView
  /** Opens the agent's details; without it the tile is only shown (the wall screen). */
  onOpen?: ((id: string) => void) | undefined
}

/** What a tile shows; re-rendered only when its agent's view is replaced (or the language changes). */
export function AgentTileCard({ agent, onOpen }: AgentTileCardProps) {
  const { t } = useTranslation()
  const reasonLabel = useReasonLabel()
  const family = stateFamily(agent.acState)
  // Why someone is away matters; "agent's own action" on every ready agent is noise.
  const showReason = family === 'notReady' || family === 'loggedOut'
  const stateLabel = t(`states.${agent.acState}`)
  const shortId = localPart(agent.id)
  const name = agent.name ?? shortId
  return (
    <TileRoot
      {...(onOpen
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-haspopup': 'dialog' as const,
            onClick: () => onOpen(agent.id),
          }
        : { role: 'group', 'data-static': true })}
      aria-label={t('tile.label', { name, id: agent.id, state: stateLabel })}
      data-family={family}
      data-agent-id={agent.id}
    >
      <div className="tile-line">
        <FamilyIcon family={family} className="tile-icon" />
        <span className="tile-state tile-ellipsis" title={agent.acStateRaw ?? stateLabel}>
          {stateLabel}
        </span>
        <StateTimer since={agent.stateSince} className="tile-timer" />
      </div>
      <div className="tile-line">
        <span className="tile-name tile-ellipsis" title={name}>
          {name}
        </span>
        <span className="tile-id" title={agent.id}>
          {shortId}
        </span>
      </div>
      <div className="tile-line">
        {agent.callId ? (
          <>
            <CallRounded className="tile-small-icon" aria-hidden />
            <span className="tile-call tile-ellipsis" title={agent.callId}>
              {shortCallId(agent.callId)}
            </span>
            {agent.workSkill && (
              <span className="tile-skill tile-ellipsis" title={agent.workSkill}>
                {localPart(agent.workSkill)}
              </span>
            )}
          </>
        ) : showReason && agent.reason ? (
          <span className="tile-muted tile-ellipsis">{reasonLabel(agent.reason)}</span>
        ) : (
          <>
            <GroupsRounded className="tile-small-icon" aria-hidden />
            <span className="tile-muted tile-ellipsis" title={agent.skills.join(', ')}>
              {agent.skills.map(localPart).join(' · ')}
            </span>
          </>
        )}
      </div>
      <div className="tile-line">
        <ApartmentRounded className="tile-small-icon" aria-hidden />
        <span className="tile-muted tile-ellipsis" title={agent.org.treePos ?? undefined}>
          {agent.org.name ?? agent.org.id ?? t('tile.noDept')}
        </span>
      </div>
    </TileRoot>
  )
}
