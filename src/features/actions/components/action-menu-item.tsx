import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import MenuItem from '@mui/material/MenuItem'
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
 * and greyed, and says why in a line under its name (its accessible description too): a
 * tooltip would cover the items around it, or the item itself.
 */
export function ActionMenuItem({ op, unavailable, onSelect }: ActionMenuItemProps) {
  const { t } = useTranslation()
  const reasonId = useId()
  const nameId = useId()
  return (
    <MenuItem
      disabled={unavailable !== null}
      // Named by the operation alone; the reason under it is its description.
      aria-labelledby={unavailable !== null ? nameId : undefined}
      aria-describedby={unavailable !== null ? reasonId : undefined}
      onClick={unavailable === null ? () => onSelect(op) : undefined}
      sx={{
        // Disabled items still take the pointer, so they say they cannot be run.
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
      <ListItemText
        primary={t(`actions.ops.${op}`)}
        secondary={unavailable}
        slotProps={{
          primary: { id: nameId },
          secondary: {
            id: reasonId,
            variant: 'caption',
            sx: { display: 'block', maxWidth: 260, whiteSpace: 'normal', lineHeight: 1.3 },
          },
        }}
      />
    </MenuItem>
  )
}
