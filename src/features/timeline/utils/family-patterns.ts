import type { StateFamily } from '@/shared/ac-state'

/*
 * A texture per family drawn over its colour, so two neighbours on the strip (and the swatches
 * of the totals) differ in shape as well as hue: red/green colour blindness, greyscale print-outs.
 * `currentColor` is set where the pattern is used (the family's tint, over its accent).
 */
const LINE = 'color-mix(in srgb, currentColor 60%, transparent)'

export const FAMILY_PATTERNS: Record<StateFamily, string> = {
  available: 'none',
  ringing: `repeating-linear-gradient(45deg, ${LINE} 0 2px, transparent 2px 6px)`,
  talking: `radial-gradient(${LINE} 1.2px, transparent 1.6px) 0 0 / 6px 6px`,
  hold: `repeating-linear-gradient(0deg, ${LINE} 0 2px, transparent 2px 6px)`,
  acw: `repeating-linear-gradient(-45deg, ${LINE} 0 2px, transparent 2px 6px)`,
  notReady:
    `repeating-linear-gradient(45deg, ${LINE} 0 1.5px, transparent 1.5px 6px), ` +
    `repeating-linear-gradient(-45deg, ${LINE} 0 1.5px, transparent 1.5px 6px)`,
  loggedOut: `repeating-linear-gradient(90deg, ${LINE} 0 1px, transparent 1px 4px)`,
}
