import { describe, expect, it } from 'vitest'
import { NAMESPACES, i18n } from '@/lib/i18n'
import { AC_STATES, STATE_FAMILIES, STATE_REASONS } from '@/shared/ac-state'
import { en, enByNamespace } from './en/index'
import { zh, zhByNamespace } from './zh/index'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
}
/** English's keys without the singulars (`x_one`) Chinese has no form for. */
function withoutOne(keys: string[]): string[] {
  return keys.filter((k) => !k.endsWith('_one'))
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

  it('have the same namespaces in both languages, each one the app can load', () => {
    expect(Object.keys(zhByNamespace).sort()).toEqual([...NAMESPACES].sort())
    expect(Object.keys(enByNamespace).sort()).toEqual([...NAMESPACES].sort())
  })

  it('have the same keys in both languages in every namespace, and no empty text', () => {
    for (const ns of NAMESPACES) {
      const messages = enByNamespace[ns]
      expect(withoutOne(keysOf(messages)).sort(), ns).toEqual(keysOf(zhByNamespace[ns]).sort())
      for (const key of keysOf(messages)) {
        const value = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages)
        expect(value, `${ns}:${key}`).toMatch(/\S/)
      }
    }
  })

  it('say each key in one namespace only, so no namespace hides another’s text', () => {
    const seen = new Map<string, string>()
    for (const ns of NAMESPACES) {
      for (const key of keysOf(zhByNamespace[ns])) {
        expect(seen.get(key), `${ns}:${key}`).toBeUndefined()
        seen.set(key, ns)
      }
    }
    expect([...seen.keys()].sort()).toEqual(keysOf(zh).sort())
    expect(withoutOne(keysOf(en)).sort()).toEqual(keysOf(zh).sort())
  })

  it('give plurals as i18next counts them: English one and other, Chinese other only', () => {
    const zhKeys = keysOf(zh)
    const enKeys = keysOf(en)
    expect(zhKeys.filter((k) => /_(zero|one|two|few|many)$/.test(k))).toEqual([])
    expect(enKeys.filter((k) => /_(zero|two|few|many)$/.test(k))).toEqual([])
    const plurals = zhKeys.filter((k) => k.endsWith('_other'))
    expect(plurals.length).toBeGreaterThan(0)
    expect(enKeys.filter((k) => k.endsWith('_one')).sort()).toEqual(
      plurals.map((k) => k.replace(/_other$/, '_one')).sort(),
    )
  })

  it('say "1 agent", not "1 agents"', async () => {
    await i18n.loadLanguages('en')
    const t = i18n.getFixedT('en', 'wall')
    expect(t('wall.agents', { count: 1 })).toBe('1 agent')
    expect(t('wall.agents', { count: 2 })).toBe('2 agents')
    expect(t('wall.units.minute', { count: 1 })).toBe('1 minute')
    expect(i18n.getFixedT('zh', 'wall')('wall.agents', { count: 1 })).toBe('1 名坐席')
  })
})
