import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import type { ReactNode } from 'react'

interface RowActionProps {
  label: string
  icon: ReactNode
  onClick: () => void
  color?: 'default' | 'error' | 'success'
  /** Shown but not usable; `hint` says why (on hover). */
  disabled?: boolean
  hint?: string
}

/** An icon button in a table row, named for screen readers and explained on hover. */
export function RowAction({
  label,
  icon,
  onClick,
  color = 'default',
  disabled,
  hint,
}: RowActionProps) {
  return (
    <Tooltip title={disabled && hint ? hint : label}>
      {/* A span, so the tooltip still works on a disabled button. */}
      <span>
        <IconButton
          size="small"
          aria-label={label}
          color={color}
          disabled={disabled}
          onClick={onClick}
        >
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  )
}
