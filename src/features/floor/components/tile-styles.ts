import { type Theme, styled } from '@mui/material/styles'
import { STATE_FAMILIES } from '@/shared/ac-state'
import { COMPACT_TILE_HEIGHT } from '../utils/density-layout'
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

/*
 * Breach colours as CSS variables, light and dark. Amber and red also differ in shape (a dashed
 * edge and a striped timer for amber, a thick solid edge and a solid timer for red) and in
 * their icon, so they read apart without colour (red/green colour blindness, greyscale).
 */
const BREACH_LIGHT = {
  '--breach-amber': '#B45309',
  '--breach-amber-bg': '#FDE68A',
  '--breach-amber-bg2': '#FBBF24',
  '--breach-amber-text': '#4A2504',
  '--breach-red': '#C62828',
  '--breach-red-bg': '#C62828',
  '--breach-red-text': '#FFFFFF',
}
const BREACH_DARK = {
  '--breach-amber': '#FBBF24',
  '--breach-amber-bg': '#FCD34D',
  '--breach-amber-bg2': '#F59E0B',
  '--breach-amber-text': '#2A1700',
  '--breach-red': '#FF6B6B',
  '--breach-red-bg': '#D32F2F',
  '--breach-red-text': '#FFFFFF',
}

/**
 * The breach look of a tile marked `data-breach`, for edges `edge` thick (amber dashed, red
 * solid and half as thick again) and its `timer` selector drawn as a pill with `badge` of
 * padding each side (the wall's narrow tiles take less).
 */
export function breachStyles(theme: Theme, edge: string, timer: string, badge = '0.25em') {
  return {
    ...BREACH_LIGHT,
    ...theme.applyStyles('dark', BREACH_DARK),
    // On top of the tile, under nothing: an edge that does not move the content.
    '&[data-breach]::after': {
      content: '""',
      position: 'absolute',
      inset: 0,
      borderRadius: 'inherit',
      pointerEvents: 'none',
    },
    '&[data-breach="amber"]::after': { border: `${edge} dashed var(--breach-amber)` },
    '&[data-breach="red"]::after': { border: `calc(${edge} * 1.5) solid var(--breach-red)` },
    [`&[data-breach] ${timer}`]: { borderRadius: 4, padding: `0 ${badge}` },
    [`&[data-breach="amber"] ${timer}`]: {
      color: 'var(--breach-amber-text)',
      background:
        'repeating-linear-gradient(-45deg, var(--breach-amber-bg) 0 0.3em, var(--breach-amber-bg2) 0.3em 0.6em)',
    },
    [`&[data-breach="red"] ${timer}`]: {
      color: 'var(--breach-red-text)',
      backgroundColor: 'var(--breach-red-bg)',
    },
    '& [data-breach-icon="amber"]': { color: 'var(--breach-amber)' },
    '& [data-breach-icon="red"]': { color: 'var(--breach-red)' },
  }
}

export const TileRoot = styled('div')(({ theme }) => ({
  ...familyVars(theme),
  ...breachStyles(theme, '3px', '.tile-timer'),
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
  // Compact tiles: the state line and the name line only (the others are not drawn nor read).
  '&[data-compact] > .tile-line:nth-of-type(n + 3)': { display: 'none' },
  '&[data-compact]': {
    height: COMPACT_TILE_HEIGHT,
    gridTemplateRows: '20px 20px',
    rowGap: 0,
    padding: theme.spacing(0.5, 1, 0.5, 1.5),
  },
  // A compact tile is narrow: its timer takes only the room it needs, so the state stays whole.
  '&[data-compact] > .tile-line': { gap: theme.spacing(0.5) },
  '&[data-compact] .tile-timer': { minWidth: 0 },
  // Its icons and state a size down: "Not ready", the over-time mark and `3h01` side by side.
  '&[data-compact] .tile-icon, &[data-compact] .tile-breach': { fontSize: 16 },
  '&[data-compact] .tile-state': { fontSize: '0.75rem' },
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
  '& .tile-breach': { fontSize: 18, flexShrink: 0 },
  '& .tile-timer': {
    fontVariantNumeric: 'tabular-nums',
    fontSize: '0.875rem',
    fontWeight: 600,
    minWidth: '6ch', // ≈59:59 and 10h00 fit: no jump when the hour appears
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
