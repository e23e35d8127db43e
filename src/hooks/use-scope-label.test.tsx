// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import '@/lib/i18n'
import { useScopeLabel } from './use-scope-label'

describe('a scope in words', () => {
  it('names a department by the name the floor has seen for its position', () => {
    const names = new Map([['1.2', '客服二部']])
    const { result } = renderHook(() => useScopeLabel(names))
    expect(result.current({ orgPrefix: '1.2', skills: null }).department).toBe('客服二部')
  })

  it('falls back to the position while no agent of the department was seen', () => {
    const { result } = renderHook(() => useScopeLabel(new Map()))
    expect(result.current({ orgPrefix: '1.9', skills: null }).department).toBe('部门 1.9')
    expect(result.current({ orgPrefix: null, skills: null }).department).toBe('全部部门')
  })
})
