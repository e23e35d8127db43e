import { describe, expect, it } from 'vitest'
import { UnsafeIdError } from '../platform/upstream-id'
import { upstreamDeviceId, withDomain } from './device-id'
import { cstaRequestFor } from './csta-requests'

const refusal = (device: string, namespace = 'test.cc') => {
  try {
    upstreamDeviceId(device, namespace, 'deviceId')
  } catch (err) {
    if (err instanceof UnsafeIdError) return `${err.field}: ${err.problem}`
    throw err
  }
  return null
}

describe('device ids sent upstream', () => {
  it('gives a bare extension the tenant’s domain', () => {
    expect(upstreamDeviceId('8001', 'test.cc', 'deviceId')).toBe('8001@test.cc')
    expect(withDomain('8001', 'test.cc')).toBe('8001@test.cc')
  })

  it('sends one that carries a domain as it is, another tenant’s too', () => {
    expect(upstreamDeviceId('8001@test.cc', 'test.cc', 'deviceId')).toBe('8001@test.cc')
    expect(upstreamDeviceId('8001@other.cc', 'test.cc', 'deviceId')).toBe('8001@other.cc')
  })

  it.each([
    ['', 'deviceId: must not be empty'],
    ['8001@', 'deviceId: must name the domain after "@"'],
    ['@test.cc', 'deviceId: must name the extension before "@"'],
    ['8001@a@b', 'deviceId: must contain at most one "@"'],
    ['80 01', 'deviceId: must not contain U+0020'],
    ['8001|x', 'deviceId: must not contain "|"'],
    ['..', 'deviceId: must not be ".."'],
    ['8'.repeat(300), 'deviceId: at most 256 characters'],
  ])('refuses %j, naming the field', (device, message) => {
    expect(refusal(device)).toBe(message)
  })

  it('refuses a bare id when the tenant’s domain itself is unfit', () => {
    expect(refusal('8001', '')).toMatch(/^deviceId: cannot take the tenant's domain/)
    expect(refusal('8001', 'a/b')).toMatch(/^deviceId: cannot take the tenant's domain/)
  })

  it('is what every device of a force operation goes through', () => {
    const target = {
      namespace: 'test.cc',
      agentId: '5001@test.cc',
      deviceId: '8001',
      callId: 'c-1',
      listenerDevice: '8099',
      phoneNumber: '8002',
    }
    expect(cstaRequestFor('drop', target).path).toBe(
      '/api/csta/callControl/calls/c-1/connections/8001@test.cc%7Cc-1',
    )
    expect(cstaRequestFor('listen', target).path).toBe(
      '/api/csta/callControl/calls/c-1/spy?deviceId=8099%40test.cc',
    )
    // Stopping a listen drops the listener's own connection, never the agent's.
    expect(cstaRequestFor('stop-listen', target)).toEqual({
      method: 'DELETE',
      path: '/api/csta/callControl/calls/c-1/connections/8099@test.cc%7Cc-1',
      body: null,
    })
    expect(cstaRequestFor('ready', target).body).toMatchObject({ device: '8001@test.cc' })
    expect(cstaRequestFor('logout', target).body).toMatchObject({ device: '8001@test.cc' })
    // A number to dial, not a device: as the supervisor typed it.
    expect(cstaRequestFor('join', target).body).toMatchObject({ conferenceParticipant: '8002' })
    expect(() => cstaRequestFor('drop', { ...target, deviceId: '8001@' })).toThrow(UnsafeIdError)
  })
})
