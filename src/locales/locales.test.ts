import { describe, expect, it } from 'vitest'
import { AC_STATES, STATE_FAMILIES, STATE_REASONS } from '@/shared/ac-state'
import { en } from './en'
import { zh } from './zh'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
}

describe('translations', () => {
  it('name every state in both languages, zh with the seed’s labels', () => {
    for (const state of AC_STATES) {
      expect(zh.states[state], state).toMatch(/\S/)
      expect(en.states[state], state).toMatch(/\S/)
    }
    expect(zh.states.Aux).toBe('未就绪')
    expect(zh.states.AgentAutoTalking).toBe('坐席自动外呼通话')
  })

  it('give every state a short form for tiles, no longer than the full one', () => {
    for (const state of AC_STATES) {
      for (const messages of [zh, en]) {
        expect(messages.statesShort[state], state).toMatch(/\S/)
        expect(messages.statesShort[state].length).toBeLessThanOrEqual(
          messages.states[state].length,
        )
        expect(messages.statesShort[state].length, state).toBeLessThanOrEqual(14)
      }
    }
  })

  it('name every family and reason in both languages', () => {
    for (const family of STATE_FAMILIES) {
      expect(zh.families[family]).toMatch(/\S/)
      expect(en.families[family]).toMatch(/\S/)
    }
    for (const reason of STATE_REASONS) {
      expect(zh.reasons[reason]).toMatch(/\S/)
      expect(en.reasons[reason]).toMatch(/\S/)
    }
  })

  it('have the same keys in both languages, and no empty text', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort())
    for (const key of keysOf(en)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en)
      expect(value, key).toMatch(/\S/)
    }
  })
})
