import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { STATE_FAMILIES, type StateFamily, stateFamily } from '@/shared/ac-state'
import { useFloorStore } from '../stores/floor-store'
import { FamilyIcon } from '@/components/ui/family-icon'

/**
 * What the heatmap's colours mean: each family's colour and icon, its name and how many of
 * `ids` are in it, so the heatmap reads without telling colours apart.
 */
export function HeatLegend({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation()
  const counts = useFloorStore(
    useShallow((s) => {
      const by = Object.fromEntries(STATE_FAMILIES.map((f) => [f, 0])) as Record<
        StateFamily,
        number
      >
      for (const id of ids) {
        const agent = s.agents[id]
        if (agent) by[stateFamily(agent.acState)] += 1
      }
      return by
    }),
  )
  return (
    <Box
      component="ul"
      aria-label={t('wall.legendLabel')}
      sx={{
        m: 0,
        p: 0,
        listStyle: 'none',
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: '1.4vw',
        rowGap: '0.4vh',
        fontWeight: 600,
      }}
    >
      {STATE_FAMILIES.map((family) => (
        <Box
          component="li"
          key={family}
          data-family={family}
          sx={{ display: 'inline-flex', alignItems: 'center', gap: '0.5em', whiteSpace: 'nowrap' }}
        >
          <Box
            aria-hidden
            sx={(theme) => ({
              width: '1.2em',
              height: '1.2em',
              borderRadius: '0.15em',
              display: 'grid',
              placeItems: 'center',
              bgcolor: theme.vars.palette.family[family].main,
              color: theme.vars.palette.family[family].bg,
              '& svg': { fontSize: '0.8em' },
            })}
          >
            <FamilyIcon family={family} />
          </Box>
          {t(`wall.families.${family}`)}
          <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 800 }}>
            {counts[family]}
          </Box>
        </Box>
      ))}
    </Box>
  )
}
