import type { ActionOp } from '@/shared/actions'
import { domainOf } from '@/shared/webhooks'
import { checkedId } from '../platform/upstream-id'
import { upstreamDeviceId } from './device-id'

/** The REST call behind one force operation, exactly as the wellClient SDK (4.2.x) sends it. */
export interface CstaRequest {
  method: 'POST' | 'DELETE'
  /** Path and query under WELLCLOUD_CSTA_URL. */
  path: string
  body: Record<string, string> | null
}

export interface CstaTarget {
  /** The tenant's domain: bare device ids get it (`8001` → `8001@test.cc`). */
  namespace: string
  /** Agent id, e.g. `5001@test.cc`. */
  agentId: string
  /** The agent's extension (the connection's device), `8001@test.cc` or bare `8001`. */
  deviceId: string
  callId: string | null
  /** The supervisor's extension, for listen and stop-listen, with or without its domain. */
  listenerDevice: string | null
  /** The supervisor's number, for join and take. */
  phoneNumber: string | null
}

// A path segment as the SDK writes it: escaped, but `@` of ids kept as is. The id comes from
// the platform's webhooks: checked first (UnsafeIdError naming `field`), so a call id of `..`
// cannot climb out of the path.
function seg(s: string, field: string): string {
  return encodeURIComponent(checkedId(s, field)).replace(/%40/g, '@')
}

/** `{deviceId}|{callId}` with the bar written `%7C`, as the SDK puts it in the path. */
export function connectionSegment(deviceId: string, callId: string): string {
  return `${seg(deviceId, 'deviceId')}%7C${seg(callId, 'callId')}`
}

/**
 * Builds the request of an operation; throws when a needed argument is missing (callers check
 * first), and UnsafeIdError when an id is not fit for the platform's URL. Device ids leave
 * with the tenant's domain, whether the platform's webhook or the profile gave it or not.
 */
export function cstaRequestFor(op: ActionOp, t: CstaTarget): CstaRequest {
  const call = () => {
    if (!t.callId) throw new Error(`${op} needs a call`)
    return t.callId
  }
  const device = () => upstreamDeviceId(t.deviceId, t.namespace, 'deviceId')
  const connection = () =>
    `/api/csta/callControl/calls/${seg(call(), 'callId')}/connections/${connectionSegment(device(), call())}`
  const state = (agentMode: 'Ready' | 'NotReady'): CstaRequest => ({
    method: 'POST',
    path: '/api/csta/agent/state',
    body: {
      func: 'SetState',
      agentMode,
      loginId: t.agentId,
      agentId: t.agentId,
      device: device(),
    },
  })
  switch (op) {
    case 'drop':
      return { method: 'DELETE', path: connection(), body: null }
    case 'join':
      return {
        method: 'POST',
        path: `${connection()}/singleStepConference`,
        body: {
          conferenceParticipant: need(t.phoneNumber, 'phoneNumber'),
          participationType: 'Active',
        },
      }
    case 'take':
      return {
        method: 'POST',
        path: `${connection()}/singleStepTransfer`,
        body: { transferTo: need(t.phoneNumber, 'phoneNumber') },
      }
    case 'listen':
      return {
        method: 'POST',
        path: `/api/csta/callControl/calls/${seg(call(), 'callId')}/spy?deviceId=${encodeURIComponent(upstreamDeviceId(need(t.listenerDevice, 'deviceId'), t.namespace, 'deviceId'))}`,
        body: null,
      }
    case 'stop-listen': {
      // forceDrop of the lead's own connection: the listening leg ends, the call goes on.
      const listener = upstreamDeviceId(need(t.listenerDevice, 'deviceId'), t.namespace, 'deviceId')
      return {
        method: 'DELETE',
        path: `/api/csta/callControl/calls/${seg(call(), 'callId')}/connections/${connectionSegment(listener, call())}`,
        body: null,
      }
    }
    case 'ready':
      return state('Ready')
    case 'not-ready':
      return state('NotReady')
    case 'logout':
      return {
        method: 'POST',
        path: '/api/csta/agent/state',
        body: {
          namespace: domainOf(t.agentId) ?? '',
          func: 'Logout',
          device: device(),
          agentId: t.agentId,
          loginId: t.agentId,
        },
      }
  }
}

function need(value: string | null, name: string): string {
  if (!value) throw new Error(`missing ${name}`)
  return value
}
