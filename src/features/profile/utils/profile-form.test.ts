import { describe, expect, it } from 'vitest'
import { checkProfile } from './profile-form'

describe('checkProfile', () => {
  it('accepts an extension with or without the domain, and a number', () => {
    expect(checkProfile({ deviceId: ' 8002@test.cc ', phoneNumber: '+86 139' })).toEqual({
      ok: false,
      issues: { phoneNumber: 'invalid' },
    })
    expect(checkProfile({ deviceId: '8002', phoneNumber: '13912345678' })).toEqual({
      ok: true,
      body: { deviceId: '8002', phoneNumber: '13912345678' },
    })
    expect(checkProfile({ deviceId: '8002@test.cc', phoneNumber: '*86#1-2' }).ok).toBe(true)
  })

  it('sends an empty field as null, which clears it', () => {
    expect(checkProfile({ deviceId: '  ', phoneNumber: '' })).toEqual({
      ok: true,
      body: { deviceId: null, phoneNumber: null },
    })
  })

  it('names each wrong field and what is wrong', () => {
    expect(checkProfile({ deviceId: '80 02', phoneNumber: 'abc' })).toEqual({
      ok: false,
      issues: { deviceId: 'invalid', phoneNumber: 'invalid' },
    })
    expect(checkProfile({ deviceId: '8'.repeat(101), phoneNumber: '1'.repeat(41) })).toEqual({
      ok: false,
      issues: { deviceId: 'tooLong', phoneNumber: 'tooLong' },
    })
  })
})
