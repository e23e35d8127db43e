import { describe, expect, it } from 'vitest'
import { FAMILY_PALETTE } from '@/config/family-palette'
import { AC_STATES, STATE_FAMILIES, stateFamily } from '@/shared/ac-state'
import { FAMILY_ICONS } from '@/components/ui/family-icon'

const HEX = /^#[0-9A-F]{6}$/i

describe('family visuals', () => {
  it('give every state a family with a colour in both schemes and an icon', () => {
    for (const state of AC_STATES) {
      const family = stateFamily(state)
      for (const scheme of ['light', 'dark'] as const) {
        const colors = FAMILY_PALETTE[scheme][family]
        expect(colors.main, `${scheme} ${family}`).toMatch(HEX)
        expect(colors.text).toMatch(HEX)
        expect(colors.bg).toMatch(HEX)
      }
      expect(FAMILY_ICONS[family]).toBeTruthy()
    }
  })

  it('use seven distinct accents and icons, so families never look alike', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const accents = STATE_FAMILIES.map((f) => FAMILY_PALETTE[scheme][f].main)
      expect(new Set(accents).size).toBe(STATE_FAMILIES.length)
    }
    expect(new Set(STATE_FAMILIES.map((f) => FAMILY_ICONS[f])).size).toBe(STATE_FAMILIES.length)
  })

  it('keep the state label readable on its tile (contrast at least 4.5:1)', () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const family of STATE_FAMILIES) {
        const { text, bg } = FAMILY_PALETTE[scheme][family]
        expect(contrast(text, bg), `${scheme} ${family}`).toBeGreaterThanOrEqual(4.5)
      }
    }
  })
})

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
