import GroupAddRounded from '@mui/icons-material/GroupAddRounded'
import HeadsetRounded from '@mui/icons-material/HeadsetRounded'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import type { Monitor } from '@/shared/floor'
import { formatClock } from '@/lib/format'
import { useMonitorLabel } from '../hooks/use-monitor-label'

/** Who is listening to or has joined the agent's call, since when (the drawer). */
export function MonitorList({ monitors }: { monitors: readonly Monitor[] }) {
  const { t } = useTranslation()
  const label = useMonitorLabel()
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}>
      {monitors.map((m) => {
        const Icon = m.op === 'listen' ? HeadsetRounded : GroupAddRounded
        return (
          <Box
            component="li"
            key={`${m.by}:${m.op}`}
            sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}
          >
            <Icon sx={{ fontSize: 18, color: 'primary.main' }} aria-hidden />
            {label(m)}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {t('monitors.since', { time: formatClock(m.since) })}
            </Box>
          </Box>
        )
      })}
    </Box>
  )
}
