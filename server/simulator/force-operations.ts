import { domainOf } from '../../src/shared/webhooks'
import type { Agent } from './agent-model'
import type { CallCenter, ForcedState } from './call-center'
import { type Call, CONNECTED_PHASES } from './call-model'
import { type PlatformError, fail } from './platform-http'

// Status codes of the CSTA API (seed 000 via the SDK); the HTTP status is the errorCode.
const ILLEGAL_AGENT_ID = 452
const ILLEGAL_EXTENSION = 453
const ILLEGAL_DEVICE_STATE = 456
const AGENT_LOGGED_OUT = 458
const BUSY_IN_CALL = 460

// A bare extension number (`8002`), as a supervisor's phoneNumber usually is.
const EXTENSION_NUMBER = /^\d{3,6}$/

const error = (code: number, message: string): PlatformError => fail(code, code, message)

/** null: done (HTTP 204). */
export type ForceResult = PlatformError | null

/**
 * The supervisor's seven force operations, checked as the platform checks them and then
 * carried out by the call center, whose normal event path emits the agentStateEvents and
 * callEnd they cause. Choices where the seed is silent:
 * - an unknown or already ended call is 456 (the device is not in that call): that is the
 *   race a supervisor loses when the call ends between seeing it and clicking;
 * - drop, join and take need the device in the connected call (seed 000); listen needs the
 *   call connected, not a particular device in it (the seed does not require one);
 * - Ready and NotReady on an agent ringing or on a call are 456; Logout on a call is 460.
 */
export class ForceOperations {
  constructor(
    private readonly center: CallCenter,
    private readonly namespace: string,
  ) {}

  /**
   * forceDrop. The connection of a device listening in (a supervisor's spy leg) ends only
   * that leg: the call goes on; any other connection ends the call.
   */
  drop(callId: string, deviceId: string): ForceResult {
    const listener = this.device(deviceId)
    const listened = this.center.call(callId)
    if (listener !== null && listened && CONNECTED_PHASES.has(listened.phase)) {
      if (listened.listeners.includes(listener)) {
        this.center.stopListening(listened, listener)
        return null
      }
    }
    const found = this.connectedWith(callId, deviceId)
    if (!('call' in found)) return found
    this.center.dropCall(found.call, found.device)
    return null
  }

  join(callId: string, deviceId: string, participant: string): ForceResult {
    const found = this.connectedWith(callId, deviceId)
    if (!('call' in found)) return found
    this.center.joinCall(found.call, this.phone(participant))
    return null
  }

  take(callId: string, deviceId: string, transferTo: string): ForceResult {
    const found = this.connectedWith(callId, deviceId)
    if (!('call' in found)) return found
    this.center.takeCall(found.call, this.phone(transferTo))
    return null
  }

  listen(callId: string, listenerDevice: string): ForceResult {
    const device = this.device(listenerDevice)
    if (device === null) return this.foreignDevice(listenerDevice)
    const call = this.center.call(callId)
    if (!call || !CONNECTED_PHASES.has(call.phase)) return notConnected(callId)
    this.center.listenIn(call, device)
    return null
  }

  /** forceReady (`Ready`), forceNotReady (`NotReady`). */
  setState(agentId: string, deviceId: string, mode: 'Ready' | 'NotReady'): ForceResult {
    const found = this.loggedInAgent(agentId, deviceId)
    if (!('agent' in found)) return found
    const { agent } = found
    if (agent.callId !== null) {
      return error(
        ILLEGAL_DEVICE_STATE,
        `illegal device state: agent ${agent.id} is ${agent.state} on call ${agent.callId}`,
      )
    }
    const target: ForcedState = mode === 'Ready' ? 'Available' : 'Aux'
    this.center.forceAgentState(agent, target)
    return null
  }

  /** forceLogout; `namespace` is the one the request names, when it names one. */
  logout(agentId: string, deviceId: string, namespace: string | undefined): ForceResult {
    if (namespace !== undefined && namespace !== this.namespace) {
      return error(ILLEGAL_AGENT_ID, `illegal agent id: no agent ${agentId} in ${namespace}`)
    }
    const found = this.loggedInAgent(agentId, deviceId)
    if (!('agent' in found)) return found
    const { agent } = found
    if (agent.callId !== null) {
      return error(BUSY_IN_CALL, `extension ${agent.extension} is busy in call ${agent.callId}`)
    }
    this.center.forceAgentState(agent, 'LogOut')
    return null
  }

  /** The call, connected, with `deviceId` on it (the agent's extension, or who took it). */
  private connectedWith(
    callId: string,
    deviceId: string,
  ): { call: Call; device: string } | PlatformError {
    const device = this.device(deviceId)
    if (device === null) return this.foreignDevice(deviceId)
    const call = this.center.call(callId)
    if (!call || !CONNECTED_PHASES.has(call.phase)) return notConnected(callId)
    // The agent's extension, who took the call over, or the desk phone a double call rang.
    const onCall = call.agent?.extension ?? call.takenBy ?? call.device
    if (onCall === null || (this.device(onCall) ?? onCall) !== device) {
      return error(ILLEGAL_DEVICE_STATE, `illegal device state: ${device} is not in call ${callId}`)
    }
    return { call, device }
  }

  private loggedInAgent(agentId: string, deviceId: string): { agent: Agent } | PlatformError {
    const agent = this.center.agent(agentId)
    if (!agent) return error(ILLEGAL_AGENT_ID, `illegal agent id: ${agentId}`)
    if (this.device(deviceId) !== agent.extension) {
      return error(ILLEGAL_EXTENSION, `illegal extension: ${deviceId} is not ${agentId}'s`)
    }
    if (agent.state === 'LogOut') {
      return error(AGENT_LOGGED_OUT, `agent ${agentId} is already logged out`)
    }
    return { agent }
  }

  /** A device id with its domain (`8001` → `8001@test.cc`); null when of another tenant. */
  private device(id: string): string | null {
    const domain = domainOf(id)
    if (domain === null) return id.includes('@') ? null : `${id}@${this.namespace}`
    return domain === this.namespace ? id : null
  }

  /** A number to call as the platform names it: an extension gets the domain, a phone number none. */
  private phone(numberOrId: string): string {
    return EXTENSION_NUMBER.test(numberOrId) ? `${numberOrId}@${this.namespace}` : numberOrId
  }

  private foreignDevice(id: string): PlatformError {
    return error(ILLEGAL_EXTENSION, `illegal extension: ${id} is not a device of ${this.namespace}`)
  }
}

function notConnected(callId: string): PlatformError {
  return error(ILLEGAL_DEVICE_STATE, `illegal device state: call ${callId} is not connected`)
}
