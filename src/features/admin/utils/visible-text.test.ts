import { describe, expect, it } from 'vitest'
import { headOf, visibleText } from './visible-text'

describe('visibleText', () => {
  it('writes out characters that would hide or reorder text, keeping line breaks and tabs', () => {
    expect(visibleText('{"name":"\u202Eabc"}\n\t\u0000\u200B')).toBe(
      '{"name":"\\u202Eabc"}\n\t\\u0000\\u200B',
    )
    expect(visibleText('张伟 😀')).toBe('张伟 😀')
  })
})

describe('headOf', () => {
  it('never cuts a character in two', () => {
    expect(headOf('ab😀c', 3)).toBe('ab')
    expect(headOf('ab😀c', 4)).toBe('ab😀')
    expect(headOf('abc', 5)).toBe('abc')
  })
})
