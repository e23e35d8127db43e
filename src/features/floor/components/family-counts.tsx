import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import { FamilyIcon } from '@/components/ui/family-icon'

interface FamilyCountsProps {
  /** Null before the first snapshot: dashes instead of numbers. */
  counts: Record<StateFamily, number> | null
}

/**
 * Agents per state family in large type, for reading across a room (the wall screen): sized
 * by the screen's height and width, so a 4K wall gets twice the type of a 1080p one and a
 * narrow screen still has every label whole.
 */
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
        // A portrait screen has the height for two rows and not the width for seven across.
        '@media (orientation: portrait)': { gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' },
        gap: '0.8vh',
      }}
    >
      {STATE_FAMILIES.map((family) => (
        <Box
          key={family}
          data-family={family}
          sx={(theme) => {
            const c = theme.vars.palette.family[family]
            return {
              position: 'relative',
              overflow: 'hidden',
              // Label and count share a line while they fit; the count drops below when not.
              display: 'flex',
              flexWrap: 'wrap',
              alignItems: 'center',
              justifyContent: 'space-between',
              columnGap: '0.8vh',
              px: '1vw',
              py: '0.5vh',
              borderRadius: 1,
              border: '1px solid',
              borderColor: theme.vars.palette.divider,
              backgroundColor: c.bg,
              '&::before': {
                content: '""',
                position: 'absolute',
                inset: '0 auto 0 0',
                width: '0.6vh',
                minWidth: 4,
                backgroundColor: c.main,
              },
              '& .count-icon': { fontSize: 'max(20px, 3vh)', color: c.main },
              '& dd': { color: c.text },
            }
          }}
        >
          <Box
            component="dt"
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: '0.6vh',
              // Seven across: narrow screens (and longer English words) take the width into account.
              fontSize: 'max(13px, min(2.1vh, 1.1vw))',
              '@media (orientation: portrait)': { fontSize: 'max(13px, min(2.1vh, 2.2vw))' },
              lineHeight: 1.2,
              fontWeight: 600,
            }}
          >
            <FamilyIcon family={family} className="count-icon" />
            {t(`wall.families.${family}`)}
          </Box>
          <Box
            component="dd"
            sx={{
              m: 0,
              ml: 'auto',
              fontSize: 'max(24px, min(4.4vh, 2.6vw))',
              lineHeight: 1.1,
              fontWeight: 800,
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
