import type { Principal } from '../auth/auth.service'
import type { Audience } from './audience'

/** Who a socket connected as: set by the handshake's session check, on every connect. */
export interface SocketIdentity {
  audience: Audience
  principal: Principal
  /** The session token the socket connected with, checked again from time to time. */
  token: string | undefined
}

/*
 * Kept beside the socket rather than in `socket.data`: with connection state recovery, socket.io
 * hands `socket.data` of a dropped socket to its adapter, and the Redis adapter of a cluster
 * writes it to Redis. The identity holds the session token and the audience's filters
 * (functions, which the adapter cannot even encode); a recovered socket is identified afresh by
 * the handshake anyway.
 */
const identities = new WeakMap<object, SocketIdentity>()

export function identify(socket: object, identity: SocketIdentity): void {
  identities.set(socket, identity)
}

/** The socket's identity; every socket past the handshake has one. */
export function identityOf(socket: object): SocketIdentity {
  const identity = identities.get(socket)
  if (!identity) throw new Error('a socket past the handshake has no identity')
  return identity
}
