import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActionOp } from '@/shared/actions'
import { OpIcon } from './op-icon'

interface ActionMenuItemProps {
  op: ActionOp
  /** Why it cannot be run now; null when it can. */
  unavailable: string | null
  onSelect: (op: ActionOp) => void
}

const DANGER: readonly ActionOp[] = ['drop', 'logout']

/**
 * One operation in the tile menu. An operation that does not fit stays in the list, focusable
 * and greyed, and says why on hover or focus (the reason is its accessible description too).
 */
export function ActionMenuItem({ op, unavailable, onSelect }: ActionMenuItemProps) {
  const { t } = useTranslation()
  const reasonId = useId()
  const item = (
    <MenuItem
      disabled={unavailable !== null}
      aria-describedby={unavailable !== null ? reasonId : undefined}
      onClick={unavailable === null ? () => onSelect(op) : undefined}
      sx={{
        // Disabled items still take the pointer, so the reason shows on hover.
        '&.Mui-disabled': { pointerEvents: 'auto', cursor: 'not-allowed' },
        // …and the keyboard can rest on them (to hear why), so show where it is.
        '&.Mui-disabled:focus-visible': {
          opacity: 0.72,
          outline: '2px solid',
          outlineColor: 'primary.main',
          outlineOffset: -2,
        },
        ...(DANGER.includes(op) && unavailable === null
          ? { color: 'error.main', '& .MuiListItemIcon-root': { color: 'error.main' } }
          : {}),
      }}
    >
      <ListItemIcon>
        <OpIcon op={op} fontSize="small" />
      </ListItemIcon>
      <ListItemText>{t(`actions.ops.${op}`)}</ListItemText>
      {unavailable !== null && (
        <span id={reasonId} hidden>
          {unavailable}
        </span>
      )}
    </MenuItem>
  )
  if (unavailable === null) return item
  return (
    <Tooltip title={unavailable} placement="right" describeChild>
      {item}
    </Tooltip>
  )
}
