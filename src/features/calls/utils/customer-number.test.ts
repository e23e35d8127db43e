import { describe, expect, it } from 'vitest'
import { customerNumberOf } from './customer-number'

describe('customerNumberOf', () => {
  it('takes the record’s customer number first', () => {
    expect(customerNumberOf({ customerNo: '13912345678', ani: '8001', dnis: '4001' })).toBe(
      '13912345678',
    )
  })

  it('takes the caller of an inbound call and the number dialled of an outbound one', () => {
    expect(customerNumberOf({ callType: '1', ani: '13800138000', dnis: '4001001' })).toBe(
      '13800138000',
    )
    expect(customerNumberOf({ callType: 2, ani: '8001', dnis: '13700137000' })).toBe('13700137000')
    expect(
      customerNumberOf({ callTypeName: '机器人外呼', ani: '4001', dnis: '+8613600136000' }),
    ).toBe('+8613600136000')
  })

  it('is null when the call has no phone number for the customer', () => {
    expect(customerNumberOf({ callType: '1', ani: 'anonymous', dnis: '4001' })).toBeNull()
    expect(customerNumberOf({ callType: '1', customerNo: '', ani: '' })).toBeNull()
  })
})
