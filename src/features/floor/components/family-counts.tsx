import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import { FamilyIcon } from './family-icon'

interface FamilyCountsProps {
  /** Null before the first snapshot: dashes instead of numbers. */
  counts: Record<StateFamily, number> | null
}

/** Agents per state family in large type, for reading across a room (the wall screen). */
export function FamilyCounts({ counts }: FamilyCountsProps) {
  const { t } = useTranslation()
  return (
    <Box
      component="dl"
      aria-label={t('wall.countsLabel')}
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: `repeat(${STATE_FAMILIES.length}, minmax(0, 1fr))`,
        gap: 1,
      }}
    >
      {STATE_FAMILIES.map((family) => (
        <Box
          key={family}
          sx={(theme) => {
            const c = theme.vars.palette.family[family]
            return {
              position: 'relative',
              overflow: 'hidden',
              px: 1.5,
              py: 1,
              borderRadius: 1,
              border: '1px solid',
              borderColor: theme.vars.palette.divider,
              backgroundColor: c.bg,
              '&::before': {
                content: '""',
                position: 'absolute',
                inset: '0 auto 0 0',
                width: 4,
                backgroundColor: c.main,
              },
              '& .count-icon': { fontSize: 20, color: c.main },
              '& dd': { color: c.text },
            }
          }}
        >
          <Box
            component="dt"
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 0.75,
              fontSize: '0.9375rem',
              fontWeight: 500,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            <FamilyIcon family={family} className="count-icon" />
            {t(`families.${family}`)}
          </Box>
          <Box
            component="dd"
            sx={{
              m: 0,
              fontSize: 'clamp(1.75rem, 3vw, 3rem)',
              lineHeight: 1.1,
              fontWeight: 700,
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            {counts ? counts[family] : '–'}
          </Box>
        </Box>
      ))}
    </Box>
  )
}
