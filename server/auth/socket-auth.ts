import fastifyCookie from '@fastify/cookie'
import { SESSION_COOKIE } from '@/shared/auth'
import type { ConnectRefusal } from '@/shared/events'
import { audienceOf } from '../realtime/audience'
import type { FloorServer } from '../realtime/floor.gateway'
import { AUTH_FAILURE_MESSAGES, type AuthService } from './auth.service'

/**
 * The socket.io handshake needs a session like every REST route. Browsers send the session
 * cookie with the handshake; a page of another origin is refused outright (cross-site
 * WebSocket hijacking), scripts without an Origin header are let through to the cookie check.
 * Returns `revalidate`, which checks every open socket again and closes those whose session
 * ended or whose role or scope changed.
 */
export function installSocketAuth(io: FloorServer, auth: AuthService): () => void {
  io.use((socket, next) => {
    const origin = socket.request.headers.origin
    const host = socket.request.headers.host
    if (origin !== undefined && !sameHost(origin, host)) {
      next(Object.assign(new Error('connections from other sites are refused'), { data: { reason: 'origin' satisfies ConnectRefusal } }))
      return
    }
    const token = fastifyCookie.parse(socket.request.headers.cookie ?? '')[SESSION_COOKIE]
    const principal = auth.authenticate(token)
    if (typeof principal === 'string') {
      next(Object.assign(new Error(AUTH_FAILURE_MESSAGES[principal]), { data: { reason: principal satisfies ConnectRefusal } }))
      return
    }
    socket.data.token = token
    socket.data.principal = principal
    socket.data.audience = audienceOf(principal.scope)
    next()
  })

  return function revalidate() {
    for (const socket of io.of('/').sockets.values()) {
      const p = auth.authenticate(socket.data.token)
      if (typeof p === 'string') {
        socket.emit('session:ended', { reason: p, message: AUTH_FAILURE_MESSAGES[p] })
        socket.disconnect(true)
      } else if (audienceOf(p.scope).key !== socket.data.audience.key || p.role !== socket.data.principal.role) {
        socket.emit('session:ended', { reason: 'changed', message: 'your role or scope changed' })
        socket.disconnect(true)
      }
    }
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}
