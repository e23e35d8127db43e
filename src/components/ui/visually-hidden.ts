/** Styles that keep text for screen readers while drawing nothing. */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  // In px: as `sx` numbers, 1 would mean 100%.
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const
