import Box from '@mui/material/Box'
import { usePresenceWords } from '../hooks/use-presence-words'
import { PresenceBadge } from './presence-badge'

/** The agent's name in the table, with who else is on the agent as the tile shows it. */
export function TableNameCell({ agentId, name }: { agentId: string; name: string }) {
  const presence = usePresenceWords(agentId)
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {name}
      </Box>
      <PresenceBadge words={presence} />
    </Box>
  )
}
