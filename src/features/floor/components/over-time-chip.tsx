import ButtonBase from '@mui/material/ButtonBase'
import { useTranslation } from 'react-i18next'
import { useOverTimeCount } from '../hooks/use-over-time-count'
import type { ScopeView } from '../utils/filter-sort'
import { BreachIcon } from './breach-icon'

interface OverTimeChipProps {
  scope: ScopeView
  /** Only the agents over time are shown. */
  pressed: boolean
  onToggle: () => void
  /** False before the first snapshot: no number yet. */
  loaded: boolean
}

/** "N over time", like the wall's count; pressed, the floor shows only those agents. */
export function OverTimeChip({ scope, pressed, onToggle, loaded }: OverTimeChipProps) {
  const { t } = useTranslation()
  const count = useOverTimeCount(scope)
  const alert = loaded && count > 0
  return (
    <ButtonBase
      aria-pressed={pressed}
      title={t('floorOrder.overTimeHint')}
      onClick={onToggle}
      sx={(theme) => ({
        height: 32,
        px: 1.25,
        gap: 0.75,
        borderRadius: 999,
        // A red outline that stays thick without colour, like a red tile's edge.
        border: alert ? '2px solid' : '1px solid',
        borderColor: alert || pressed ? theme.vars.palette.error.main : theme.vars.palette.divider,
        backgroundColor: pressed ? theme.vars.palette.action.selected : 'transparent',
        color: theme.vars.palette.text.primary,
        fontSize: '0.8125rem',
        fontWeight: pressed ? 700 : 600,
        whiteSpace: 'nowrap',
        fontVariantNumeric: 'tabular-nums',
        '&:hover': { borderColor: theme.vars.palette.error.main },
        '& svg': { fontSize: 18, color: theme.vars.palette.error.main },
      })}
    >
      <BreachIcon breach={alert ? 'red' : 'amber'} />
      {loaded ? t('floorOrder.overTime', { count }) : t('floorOrder.overTimeNone')}
    </ButtonBase>
  )
}
