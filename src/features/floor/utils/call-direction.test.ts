import { describe, expect, it } from 'vitest'
import { callDirection } from './call-direction'

describe('the direction of the current call', () => {
  it('comes from the state, or from the one before while on hold or wrapping up', () => {
    expect(callDirection({ acState: 'InboundTalking', lastACState: 'InboundRinging' })).toBe(
      'inbound',
    )
    expect(callDirection({ acState: 'ManualRinging', lastACState: 'Available' })).toBe('outbound')
    expect(callDirection({ acState: 'Hold', lastACState: 'InternalTalking' })).toBe('internal')
    expect(callDirection({ acState: 'Hold', lastACState: 'Aux' })).toBeNull()
  })
})
