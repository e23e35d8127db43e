import type { StateFamily } from '@/shared/ac-state'

/** How one state family is drawn: a strong accent, readable text, and a quiet tile tint. */
export interface FamilyColors {
  /** Accent bar, icon, selected chip border. */
  main: string
  /** Text on `bg` (state label); at least 4.5:1 against it. */
  text: string
  /** Tile background tint. */
  bg: string
}

export type FamilyPalette = Record<StateFamily, FamilyColors>

/*
 * Calm, distinct hues in the order of the families: green = free, amber = about to talk,
 * blue = talking, violet = hold, teal = wrapping up, red = away, grey = gone. Every family
 * also has its own icon, so colour is never the only cue (red/green colour blindness).
 */
export const FAMILY_PALETTE: Record<'light' | 'dark', FamilyPalette> = {
  light: {
    available: { main: '#2E7D32', text: '#1B5E20', bg: '#EDF7EE' },
    ringing: { main: '#E08600', text: '#8A4B00', bg: '#FFF4DE' },
    talking: { main: '#1E6FD9', text: '#0F4C9E', bg: '#EAF2FD' },
    hold: { main: '#8E44AD', text: '#6A2C87', bg: '#F5ECFA' },
    acw: { main: '#00897B', text: '#00695C', bg: '#E4F4F2' },
    notReady: { main: '#D14343', text: '#A02828', bg: '#FCEDED' },
    loggedOut: { main: '#8A94A6', text: '#4F5867', bg: '#F1F3F6' },
  },
  dark: {
    available: { main: '#4CAF6A', text: '#8FD9A5', bg: '#14251A' },
    ringing: { main: '#F5A524', text: '#FFCF7A', bg: '#2A2113' },
    talking: { main: '#4C9AFF', text: '#9CC5FF', bg: '#122239' },
    hold: { main: '#B57EDC', text: '#DAB9F1', bg: '#251B30' },
    acw: { main: '#26B5A5', text: '#7DDDD1', bg: '#0F2826' },
    notReady: { main: '#F06464', text: '#FFA3A3', bg: '#2D1718' },
    loggedOut: { main: '#6B7585', text: '#A3ACBA', bg: '#1A1F27' },
  },
}
