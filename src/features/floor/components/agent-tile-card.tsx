import CallRounded from '@mui/icons-material/CallRounded'
import ApartmentRounded from '@mui/icons-material/ApartmentRounded'
import GroupsRounded from '@mui/icons-material/GroupsRounded'
import type { KeyboardEvent, MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { stateFamily } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { localPart } from '@/lib/format'
import { useSkillName } from '@/hooks/use-skill-names'
import { useBreach } from '../hooks/use-breach'
import { useMonitorLabel } from '../hooks/use-monitor-label'
import { usePresenceWords } from '../hooks/use-presence-words'
import { useReasonLabel } from '../hooks/use-reason-label'
import { useTileSlots } from '../hooks/use-tile-slots'
import { BreachIcon } from './breach-icon'
import { FamilyIcon } from '@/components/ui/family-icon'
import { RepeatCallerFlag, useRepeatCallerLabel } from '@/components/ui/repeat-caller-flag'
import type { TileMenuAnchor } from './floor-slots'
import { StateTimer } from './state-timer'
import { PresenceBadge } from './presence-badge'
import { TileMonitors } from './tile-monitors'
import { TileRoot } from './tile-styles'

interface AgentTileCardProps {
  agent: AgentView
  /** Opens the agent's details; without it the tile is only shown (the wall screen). */
  onOpen?: ((id: string) => void) | undefined
  /** Name, state and timer only (the call, skill and department lines are left out). */
  compact?: boolean | undefined
}

/** At the pointer, or beside the tile when the keyboard asked (the event has no position then). */
function anchorOf(event: MouseEvent<HTMLElement>): TileMenuAnchor {
  return event.clientX === 0 && event.clientY === 0
    ? { kind: 'element', element: event.currentTarget }
    : { kind: 'point', top: event.clientY, left: event.clientX }
}

/**
 * What a tile shows; re-rendered only when its agent's view is replaced, its breach level
 * changes (the timer alone ticks every second), or the language changes.
 */
export function AgentTileCard({ agent, onOpen, compact = false }: AgentTileCardProps) {
  const { t } = useTranslation()
  const skillName = useSkillName()
  const reasonLabel = useReasonLabel()
  const monitorLabel = useMonitorLabel()
  const { TileStatus, openMenu } = useTileSlots()
  const family = stateFamily(agent.acState)
  // Why someone is away matters; "agent's own action" on every ready agent is noise.
  const showReason = family === 'notReady' || family === 'loggedOut'
  const stateLabel = t(`states.${agent.acState}`)
  const shortId = localPart(agent.id)
  const name = agent.name ?? shortId
  const monitors = agent.callId ? (agent.monitors ?? []) : []
  const monitorsText = monitors.map(monitorLabel).join(', ')
  const breach = useBreach(agent)
  const presence = usePresenceWords(agent.id)
  const repeatLabel = useRepeatCallerLabel()
  // A repeat caller on the current call: the tile's label says it too (it is all a reader hears).
  const repeatCalls = agent.callId ? (agent.callerCallsToday ?? null) : null
  const named = t('tile.label', { name, id: agent.id, state: stateLabel })
  // The tile's label is all a screen reader hears of it: say the timer is approximate there.
  const stateText = agent.approxTime
    ? t('approxTime.tileLabel', { label: named, hint: t('approxTime.hint') })
    : named
  const label =
    breach === 'ok'
      ? stateText
      : t('thresholds.tileLabel', { label: stateText, breach: t(`thresholds.${breach}`) })
  return (
    <TileRoot
      {...(onOpen && openMenu
        ? {
            // Supervisors: a click or right-click opens the action menu (it has the details too);
            // Enter opens the details, the context-menu key or Shift+F10 the menu.
            role: 'button',
            tabIndex: 0,
            'aria-haspopup': 'menu' as const,
            onClick: (e: MouseEvent<HTMLElement>) => openMenu(agent.id, anchorOf(e)),
            onContextMenu: (e: MouseEvent<HTMLElement>) => {
              e.preventDefault()
              openMenu(agent.id, anchorOf(e))
            },
            onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
              if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
                e.preventDefault()
                openMenu(agent.id, { kind: 'element', element: e.currentTarget })
              }
            },
          }
        : onOpen
          ? {
              role: 'button',
              tabIndex: 0,
              'aria-haspopup': 'dialog' as const,
              onClick: () => onOpen(agent.id),
            }
          : { role: 'group', 'data-static': true })}
      aria-label={[
        monitorsText ? t('monitors.tileLabel', { label, monitors: monitorsText }) : label,
        ...(presence ? [presence.text] : []),
        ...(repeatCalls !== null ? [repeatLabel(repeatCalls)] : []),
      ].join(t('presence.separator'))}
      data-family={family}
      data-compact={compact || undefined}
      data-breach={breach === 'ok' ? undefined : breach}
      data-agent-id={agent.id}
      // When the shown state began: lets tests and the grid benchmark tie a paint to its event.
      data-since={agent.stateSince}
    >
      <div className="tile-line">
        <FamilyIcon family={family} className="tile-icon" />
        {/* The short form fits the tile; the full one is the title and the tile's label. */}
        <span className="tile-state tile-ellipsis" title={agent.acStateRaw ?? stateLabel}>
          {t(`statesShort.${agent.acState}`)}
        </span>
        <BreachIcon breach={breach} className="tile-breach" />
        {/* Past an hour `3h01`: the state keeps its room beside the over-time mark and the timer. */}
        <StateTimer
          since={agent.stateSince}
          approx={agent.approxTime}
          short
          className="tile-timer"
        />
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
            {/* A repeat caller's flag takes the call icon's place: the number must stay whole. */}
            {repeatCalls !== null ? (
              <RepeatCallerFlag count={repeatCalls} plain />
            ) : (
              <CallRounded className="tile-small-icon" aria-hidden />
            )}
            {/* The customer, as a lead would say it; the call id stays on hover. */}
            <span
              className="tile-call tile-ellipsis"
              title={t('tile.callTitle', { callId: agent.callId })}
              aria-label={
                agent.customerNumber
                  ? t('tile.customer', { number: agent.customerNumber })
                  : t('tile.customerUnknown')
              }
            >
              {agent.customerNumber ?? '—'}
            </span>
            {agent.workSkill && (
              <span className="tile-skill tile-ellipsis" title={agent.workSkill}>
                {skillName(agent.workSkill)}
              </span>
            )}
            <TileMonitors monitors={monitors} label={monitorsText} />
          </>
        ) : showReason && agent.reason ? (
          <span className="tile-muted tile-ellipsis">{reasonLabel(agent.reason)}</span>
        ) : (
          <>
            <GroupsRounded className="tile-small-icon" aria-hidden />
            <span className="tile-muted tile-ellipsis" title={agent.skills.join(', ')}>
              {agent.skills.map(skillName).join(' · ')}
            </span>
          </>
        )}
      </div>
      <div className="tile-line">
        <ApartmentRounded className="tile-small-icon" aria-hidden />
        <span className="tile-muted tile-ellipsis" title={agent.org.treePos ?? undefined}>
          {agent.org.name ?? agent.org.id ?? t('tile.noDept')}
        </span>
        <PresenceBadge words={presence} />
        {TileStatus && <TileStatus agentId={agent.id} />}
      </div>
    </TileRoot>
  )
}
