import { describe, expect, it } from 'vitest'
import {
  canonicalSerial,
  compareSerials,
  MAX_SERIAL,
  quoteLongSerials,
  serialFromStore,
  storedSerial,
} from './serial'

describe('canonicalSerial', () => {
  it('takes a number or a string of digits, without leading zeros', () => {
    expect(canonicalSerial(42)).toBe('42')
    expect(canonicalSerial('0042')).toBe('42')
    expect(canonicalSerial('0')).toBe('0')
    expect(canonicalSerial(' 7 ')).toBe('7')
    expect(canonicalSerial(MAX_SERIAL)).toBe(MAX_SERIAL)
  })

  it('refuses what is not a 64-bit unsigned integer', () => {
    expect(canonicalSerial('18446744073709551616')).toBeNull()
    expect(canonicalSerial(-1)).toBeNull()
    expect(canonicalSerial(1.5)).toBeNull()
    expect(canonicalSerial('1e5')).toBeNull()
    expect(canonicalSerial('')).toBeNull()
    // A number past 2^53 has lost digits already: refused rather than guessed.
    expect(canonicalSerial(2 ** 53 + 2)).toBeNull()
  })
})

describe('compareSerials', () => {
  it('orders 19-digit serials 1 apart, where numbers would tie', () => {
    const a = '9223372036854775806'
    const b = '9223372036854775807'
    expect(Number(a)).toBe(Number(b))
    expect(compareSerials(a, b)).toBeLessThan(0)
    expect(compareSerials(b, a)).toBeGreaterThan(0)
    expect(compareSerials(a, a)).toBe(0)
    expect(compareSerials('99', '100')).toBeLessThan(0)
  })

  it('keeps that order once stored as text', () => {
    const serials = ['100', '99', '9007199254740993', '9007199254740992', '5']
    const byText = serials.map(storedSerial).sort()
    expect(byText.map(serialFromStore)).toEqual([...serials].sort(compareSerials))
    expect(serialFromStore(12)).toBe('12')
  })
})

describe('quoteLongSerials', () => {
  it('quotes a long serial literal so JSON.parse keeps its digits', () => {
    const raw = '{"eventName":"agentStateEvent","serial":9007199254740993,"id":"5001@test.cc"}'
    expect((JSON.parse(raw) as { serial: number }).serial).toBe(9007199254740992)
    const kept = JSON.parse(quoteLongSerials(raw)) as { serial: string }
    expect(kept.serial).toBe('9007199254740993')
  })

  it('leaves short serials, strings and other keys as they are', () => {
    const raw = '{"serial": 12, "n": 12345678901234567890}'
    expect(quoteLongSerials(raw)).toBe(raw)
    const quoted = '{"serial":"18446744073709551615"}'
    expect(quoteLongSerials(quoted)).toBe(quoted)
    // "serial" inside another string is text, not a key.
    const inText = '{"note":"\\"serial\\":12345678901234567890","serial":1}'
    expect(quoteLongSerials(inText)).toBe(inText)
  })

  it('keeps spacing and every key, nested ones included', () => {
    const raw = '{ "serial" :\n 18446744073709551615 , "userData": {"serial": 1234567890123456789}}'
    expect(JSON.parse(quoteLongSerials(raw))).toEqual({
      serial: '18446744073709551615',
      userData: { serial: '1234567890123456789' },
    })
  })
})
