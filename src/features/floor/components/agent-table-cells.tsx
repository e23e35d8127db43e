import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { formatSeconds } from '@/lib/format'
import { useSkillName } from '@/hooks/use-skill-names'
import { useBreach } from '../hooks/use-breach'
import type { AgentRow, GroupRow } from '../utils/table-rows'
import { BreachIcon } from './breach-icon'
import { FamilyIcon } from '@/components/ui/family-icon'
import { StateTimer } from './state-timer'

/** The state with its family's icon and colour, the way a tile shows it. */
export function StateCell({ row }: { row: AgentRow }) {
  const { t } = useTranslation()
  return (
    <Box
      data-family={row.family}
      sx={(theme) => ({
        display: 'flex',
        alignItems: 'center',
        gap: 0.5,
        minWidth: 0,
        fontWeight: 600,
        color: theme.vars.palette.family[row.family].text,
      })}
    >
      <FamilyIcon
        family={row.family}
        sx={(theme) => ({ fontSize: 16, color: theme.vars.palette.family[row.family].main })}
      />
      {/* The short form fits the column; the full one is on hover. */}
      <Box
        component="span"
        title={t(`states.${row.acState}`)}
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {t(`statesShort.${row.acState}`)}
      </Box>
    </Box>
  )
}

/** Time in state, with the breach icon once past a threshold (amber and red in shape too). */
export function TimeCell({ row }: { row: AgentRow }) {
  const breach = useBreach(row)
  return (
    <Box
      data-breach={breach === 'ok' ? undefined : breach}
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        gap: 0.5,
        width: '100%',
        fontVariantNumeric: 'tabular-nums',
        '& [data-breach-icon="amber"]': { color: 'warning.main' },
        '& [data-breach-icon="red"]': { color: 'error.main' },
        '&[data-breach="red"]': { color: 'error.main', fontWeight: 700 },
      }}
    >
      <BreachIcon breach={breach} sx={{ fontSize: 16 }} />
      <StateTimer since={row.stateSince} />
    </Box>
  )
}

/** A group's header: its name, how many agents, their calls today and average handle time. */
export function GroupCell({ row, by }: { row: GroupRow; by: 'dept' | 'skill' }) {
  const { t } = useTranslation()
  const skillName = useSkillName()
  const name =
    row.label === null
      ? t(by === 'dept' ? 'floorTable.noDept' : 'floorTable.noSkill')
      : by === 'skill'
        ? skillName(row.label)
        : row.label
  return (
    <Box component="span" sx={{ fontWeight: 700, overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {t('floorTable.groupRow', {
        group: name,
        count: row.count,
        calls: row.calls,
        aht: formatSeconds(row.ahtSec),
      })}
    </Box>
  )
}
