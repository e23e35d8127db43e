import { memo } from 'react'
import { useAgent } from '../hooks/use-agent'
import { AgentTileCard } from './agent-tile-card'

interface AgentTileProps {
  id: string
  /** Absent on the wall screen: tiles are shown, not opened. */
  onOpen?: ((id: string) => void) | undefined
  /** Name, state and timer only. */
  compact?: boolean | undefined
}

/** One agent's tile: subscribes to that agent alone, so a batch re-renders only the tiles it changed. */
export const AgentTile = memo(function AgentTile({ id, onOpen, compact }: AgentTileProps) {
  const agent = useAgent(id)
  if (!agent) return null
  return <AgentTileCard agent={agent} onOpen={onOpen} compact={compact} />
})
