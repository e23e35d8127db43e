// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import '@/lib/i18n'
import { useEndReasonLabel } from './use-end-reason-label'

describe('end reasons in the latest calls', () => {
  it('names a call a supervisor hung up in words, not as the platform’s code', () => {
    const { result } = renderHook(() => useEndReasonLabel())
    expect(result.current('ForceDrop')).toBe('主管强拆')
    expect(result.current('CustomerHangup')).toBe('客户挂机')
  })

  it('shows a reason this console does not know as the platform wrote it', () => {
    const { result } = renderHook(() => useEndReasonLabel())
    expect(result.current('TrunkFailure')).toBe('TrunkFailure')
  })
})
