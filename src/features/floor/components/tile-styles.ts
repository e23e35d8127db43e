import { type Theme, styled } from '@mui/material/styles'
import { STATE_FAMILIES } from '@/shared/ac-state'
import { TILE_HEIGHT } from '../utils/grid-layout'

/** Colours of a family as CSS variables on `[data-family]`: one stylesheet, switched by the theme. */
export function familyVars(theme: Theme) {
  return Object.fromEntries(
    STATE_FAMILIES.map((f) => {
      const colors = theme.vars.palette.family[f]
      return [
        `&[data-family="${f}"]`,
        { '--family-main': colors.main, '--family-text': colors.text, '--family-bg': colors.bg },
      ]
    }),
  )
}

export const TileRoot = styled('div')(({ theme }) => ({
  ...familyVars(theme),
  position: 'relative',
  boxSizing: 'border-box',
  height: TILE_HEIGHT,
  width: '100%',
  minWidth: 0,
  padding: theme.spacing(1, 1.25, 1, 1.75),
  display: 'grid',
  gridTemplateRows: '20px 20px 18px 18px',
  alignContent: 'center',
  rowGap: 2,
  borderRadius: theme.shape.borderRadius,
  border: `1px solid ${theme.vars.palette.divider}`,
  backgroundColor: 'var(--family-bg)',
  color: theme.vars.palette.text.primary,
  cursor: 'pointer',
  overflow: 'hidden',
  transition: theme.transitions.create('border-color', { duration: 150 }),
  '&::before': {
    content: '""',
    position: 'absolute',
    inset: '0 auto 0 0',
    width: 4,
    backgroundColor: 'var(--family-main)',
  },
  '&:hover': { borderColor: 'var(--family-main)' },
  // Shown, not opened (the wall screen).
  '&[data-static]': { cursor: 'default' },
  '&[data-static]:hover': { borderColor: theme.vars.palette.divider },
  '&:focus-visible': {
    outline: `3px solid ${theme.vars.palette.primary.main}`,
    outlineOffset: 2,
  },
  '& .tile-line': {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    minWidth: 0,
    whiteSpace: 'nowrap',
  },
  '& .tile-ellipsis': { overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  '& .tile-state': {
    color: 'var(--family-text)',
    fontSize: '0.8125rem',
    fontWeight: 600,
    flex: 1,
  },
  '& .tile-icon': { color: 'var(--family-main)', fontSize: 18, flexShrink: 0 },
  '& .tile-timer': {
    fontVariantNumeric: 'tabular-nums',
    fontSize: '0.875rem',
    fontWeight: 600,
    minWidth: '7.5ch', // 10:00:00 fits; no jump when the hour appears
    textAlign: 'right',
    flexShrink: 0,
  },
  '& .tile-name': { fontSize: '0.9375rem', fontWeight: 600 },
  '& .tile-id, & .tile-muted': {
    color: theme.vars.palette.text.secondary,
    fontSize: '0.75rem',
  },
  '& .tile-id': { fontVariantNumeric: 'tabular-nums', flexShrink: 0 },
  '& .tile-small-icon': { fontSize: 14, color: theme.vars.palette.text.secondary, flexShrink: 0 },
  '& .tile-call': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: '0.75rem',
  },
  '& .tile-skill': {
    fontSize: '0.6875rem',
    lineHeight: '16px',
    padding: '0 6px',
    borderRadius: 4,
    border: `1px solid ${theme.vars.palette.divider}`,
    color: theme.vars.palette.text.secondary,
    flexShrink: 0,
    maxWidth: '50%',
  },
  // Who listens to or joined the call: at the end of the call line, in the accent colour.
  '& .tile-monitors': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    marginLeft: 'auto',
    minWidth: 0,
    maxWidth: '45%',
    flexShrink: 0,
    color: theme.vars.palette.primary.main,
    fontSize: '0.75rem',
    fontWeight: 600,
    '& .tile-small-icon': { color: 'inherit' },
  },
}))
