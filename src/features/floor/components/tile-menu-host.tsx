import type { ComponentType } from 'react'
import type { AgentView } from '@/shared/floor'
import { useAgent } from '../hooks/use-agent'
import { useBreach } from '../hooks/use-breach'
import type { TileMenuAnchor, TileMenuProps } from './floor-slots'

interface TileMenuHostProps {
  Menu: ComponentType<TileMenuProps>
  agentId: string
  anchor: TileMenuAnchor
  open: boolean
  onClose: () => void
  onDetails: () => void
}

/** The slot's menu for one agent, fed the agent live (its items follow the agent's state). */
export function TileMenuHost({ Menu, agentId, ...rest }: TileMenuHostProps) {
  const agent = useAgent(agentId)
  if (!agent) return null // the agent left the view: nothing to act on
  return <MenuFor Menu={Menu} agent={agent} {...rest} />
}

function MenuFor({
  Menu,
  agent,
  ...rest
}: Omit<TileMenuHostProps, 'agentId'> & { agent: AgentView }) {
  const overTime = useBreach(agent) !== 'ok'
  return <Menu agent={agent} overTime={overTime} {...rest} />
}
