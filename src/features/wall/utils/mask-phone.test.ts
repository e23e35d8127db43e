import { describe, expect, it } from 'vitest'
import { maskPhone } from './mask-phone'

describe('maskPhone', () => {
  it('hides the middle of a number, keeping its last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678')
    expect(maskPhone('+8613912345678')).toBe('+86****5678')
    expect(maskPhone('33255540')).toBe('33****5540')
    expect(maskPhone('5551111')).toBe('****1111')
  })

  it('shows nothing of a number too short to hide a part of', () => {
    expect(maskPhone('1234')).toBe('****')
    expect(maskPhone('12')).toBe('****')
  })
})
