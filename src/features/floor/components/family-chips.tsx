import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import { useTranslation } from 'react-i18next'
import { STATE_FAMILIES, type StateFamily } from '@/shared/ac-state'
import { FamilyIcon } from '@/components/ui/family-icon'

interface FamilyChipsProps {
  /** Null before the first snapshot: the chips show no numbers yet. */
  counts: Record<StateFamily, number> | null
  selected: readonly StateFamily[]
  onToggle: (family: StateFamily) => void
}

/** Agents per state family, doubling as toggle filters (none pressed: all families). */
export function FamilyChips({ counts, selected, onToggle }: FamilyChipsProps) {
  const { t } = useTranslation()
  return (
    <Box
      role="group"
      aria-label={t('floor.familyFilterLabel')}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}
    >
      {STATE_FAMILIES.map((family) => {
        const pressed = selected.includes(family)
        const label = t(`families.${family}`)
        return (
          <ButtonBase
            key={family}
            aria-pressed={pressed}
            aria-label={
              counts ? t('floor.familyChip', { family: label, count: counts[family] }) : label
            }
            onClick={() => onToggle(family)}
            sx={(theme) => {
              const c = theme.vars.palette.family[family]
              return {
                height: 32,
                px: 1.25,
                gap: 0.75,
                borderRadius: 999,
                border: '1px solid',
                borderColor: pressed ? c.main : theme.vars.palette.divider,
                backgroundColor: pressed ? c.bg : 'transparent',
                color: theme.vars.palette.text.primary,
                fontSize: '0.8125rem',
                fontWeight: pressed ? 600 : 500,
                transition: theme.transitions.create(['background-color', 'border-color'], {
                  duration: 120,
                }),
                '&:hover': { borderColor: c.main },
                '& .chip-icon': { fontSize: 18, color: c.main },
                '& .chip-count': {
                  fontVariantNumeric: 'tabular-nums',
                  minWidth: '3ch',
                  textAlign: 'right',
                  fontWeight: 700,
                  color: pressed ? c.text : theme.vars.palette.text.secondary,
                },
              }
            }}
          >
            <FamilyIcon family={family} className="chip-icon" />
            <span>{label}</span>
            <span className="chip-count">{counts ? counts[family] : '–'}</span>
          </ButtonBase>
        )
      })}
    </Box>
  )
}
