import { describe, expect, it } from 'vitest'
import { formatMoment, fromPickerValue, toPickerValue } from './replay-time'

const AT = Date.UTC(2026, 11, 7, 2, 15, 30) // 10:15:30 on 7 December in Shanghai

describe('replay times', () => {
  it('puts the platform’s wall clock in the picker, whatever the browser’s zone', () => {
    const value = toPickerValue(AT)
    expect([value.getHours(), value.getMinutes(), value.getSeconds()]).toEqual([10, 15, 30])
    expect(value.getDate()).toBe(7)
    expect(fromPickerValue(value)).toBe(AT)
  })

  it('reads no moment from an empty or invalid picker', () => {
    expect(fromPickerValue(null)).toBeNull()
    expect(fromPickerValue(new Date(Number.NaN))).toBeNull()
  })

  it('says the time alone today, and the date with it on another day', () => {
    expect(formatMoment(AT, AT + 3_600_000)).toBe('10:15:30')
    expect(formatMoment(AT, AT + 86_400_000)).toBe('2026-12-07 10:15:30')
  })
})
