import fastifyCookie from '@fastify/cookie'
import { SESSION_COOKIE } from '@/shared/auth'
import type { ConnectRefusal } from '@/shared/events'
import type { AuthRefusal, SessionEnded } from '@/shared/session'
import { audienceOf } from '../realtime/audience'
import type { FloorServer, FloorSocket, SocketData } from '../realtime/floor.gateway'
import { identify, identityOf } from '../realtime/socket-identity'
import { AUTH_FAILURE_MESSAGES, type AuthService, type Principal } from './auth.service'
import { hashToken } from './sessions.repo'

// Refusals of recovered sessions kept for their handshakes; more are dropped rather than kept.
const MAX_REFUSALS_KEPT = 1_000

/** Whose sessions an admin changed: a user's, or a wall-screen link's. */
export type SessionOwner = { userId: number } | { kioskId: number }

/** The open sockets of every session, so that a session's end reaches them at once. */
export interface SocketSessions {
  /** Checks every open socket's session again (expiry, and anything not announced). */
  revalidate(): Promise<void>
  /** A session signed out: its sockets are told and closed now. */
  signedOut(sessionId: string): void
  /** An admin changed a user or a wall-screen link: its open sockets are checked now. */
  ownerChanged(owner: SessionOwner): Promise<void>
}

/**
 * The socket.io handshake needs a session like every REST route. Browsers send the session
 * cookie with the handshake; a page of another origin is refused outright (cross-site
 * WebSocket hijacking), scripts without an Origin header are let through to the cookie check.
 * Open sockets are indexed by session and by owner, so that sign-out, a disabled user, a
 * changed role or scope and a revoked wall-screen link close them at once, `session:ended`
 * first.
 */
export function installSocketAuth(io: FloorServer, auth: AuthService): SocketSessions {
  // Checking a recovered session authenticates it, which ends a revoked or disabled one; the
  // handshake's own check runs right after (socket.io creates the socket, then runs the
  // middleware) and must still say why, not "no session". Kept by session id: other
  // handshakes may be checked in between.
  const refusedOnRestore = new Map<string, AuthRefusal>()
  // What a recovered session saw must be what its session may see now (see restoreOnlyIf).
  restoreOnlyIf(io, async (data) => {
    if (typeof data.sessionId !== 'string') return false
    const p = await auth.authenticateSession(data.sessionId)
    if (typeof p === 'string') {
      // Only a handshake whose cookie is not the token it recovered with leaves one behind.
      if (refusedOnRestore.size >= MAX_REFUSALS_KEPT) refusedOnRestore.clear()
      refusedOnRestore.set(data.sessionId, p)
    }
    return typeof p !== 'string' && !changed(p, data)
  })

  io.use((socket, next) => {
    // A store that cannot be read refuses the handshake (the client tries again later).
    admit(socket).then(
      (refusal) => next(refusal ?? undefined),
      (err: unknown) => next(err instanceof Error ? err : new Error(String(err))),
    )
  })

  /** Checks a handshake; sets the socket's principal, or says why it is refused. */
  async function admit(socket: FloorSocket): Promise<Error | null> {
    const origin = socket.request.headers.origin
    const host = socket.request.headers.host
    if (origin !== undefined && !sameHost(origin, host)) {
      return Object.assign(new Error('connections from other sites are refused'), {
        data: { reason: 'origin' satisfies ConnectRefusal },
      })
    }
    const token = fastifyCookie.parse(socket.request.headers.cookie ?? '')[SESSION_COOKIE]
    let principal = await auth.authenticate(token)
    const sessionId = token === undefined ? undefined : hashToken(token)
    const refused = sessionId === undefined ? undefined : refusedOnRestore.get(sessionId)
    if (sessionId !== undefined) refusedOnRestore.delete(sessionId)
    if (principal === 'no_session' && refused !== undefined) principal = refused
    if (typeof principal === 'string') {
      return Object.assign(new Error(AUTH_FAILURE_MESSAGES[principal]), {
        data: { reason: principal satisfies ConnectRefusal },
      })
    }
    // Set on every connect, a recovered one too: its old data is not trusted.
    const audience = audienceOf(principal.scope)
    identify(socket, { token, principal, audience })
    // All a dropped socket leaves for its recovery check (kept in Redis in a cluster): no
    // secret, nothing but text.
    socket.data = {
      sessionId: principal.sessionId,
      audienceKey: audience.key,
      role: principal.role,
    }
    return null
  }

  const bySession = new SocketIndex()
  const byOwner = new SocketIndex()
  io.on('connection', (socket) => {
    const { principal } = identityOf(socket)
    const { sessionId } = principal
    const owner = ownerKey(ownerOf(principal))
    bySession.add(sessionId, socket)
    byOwner.add(owner, socket)
    socket.on('disconnect', () => {
      bySession.delete(sessionId, socket)
      byOwner.delete(owner, socket)
    })
  })

  /** Closes a socket whose session ended or changed, saying why first. */
  async function check(socket: FloorSocket): Promise<void> {
    const identity = identityOf(socket)
    const p = await auth.authenticate(identity.token)
    if (typeof p === 'string') end(socket, { reason: p, message: AUTH_FAILURE_MESSAGES[p] })
    else if (changed(p, socket.data))
      end(socket, { reason: 'changed', message: 'your role or scope changed' })
  }

  return {
    async revalidate() {
      await Promise.all([...io.of('/').sockets.values()].map(check))
    },
    signedOut(sessionId) {
      for (const socket of bySession.get(sessionId))
        end(socket, { reason: 'no_session', message: 'you signed out' })
    },
    async ownerChanged(owner) {
      await Promise.all(byOwner.get(ownerKey(owner)).map(check))
    },
  }
}

function end(socket: FloorSocket, info: SessionEnded): void {
  socket.emit('session:ended', info)
  socket.disconnect(true)
}

/** The principal may no longer see what a socket connected with could. */
function changed(p: Principal, data: Partial<SocketData>): boolean {
  return audienceOf(p.scope).key !== data.audienceKey || p.role !== data.role
}

function ownerKey(owner: SessionOwner): string {
  return 'userId' in owner ? `user:${owner.userId}` : `kiosk:${owner.kioskId}`
}

function ownerOf(p: Principal): SessionOwner {
  return p.kind === 'user' ? { userId: p.id } : { kioskId: p.id }
}

/** Open sockets by a key; a key's entry goes with its last socket. */
class SocketIndex {
  private readonly map = new Map<string, Set<FloorSocket>>()

  add(key: string, socket: FloorSocket): void {
    let set = this.map.get(key)
    if (!set) {
      set = new Set()
      this.map.set(key, set)
    }
    set.add(socket)
  }

  delete(key: string, socket: FloorSocket): void {
    const set = this.map.get(key)
    if (set?.delete(socket) && set.size === 0) this.map.delete(key)
  }

  /** A copy: closing the sockets removes them from the index meanwhile. */
  get(key: string): FloorSocket[] {
    return [...(this.map.get(key) ?? [])]
  }
}

/**
 * socket.io's connection state recovery gives a returning socket its old rooms and data and
 * replays what those rooms were sent while it was away, and it does so when it creates the
 * socket: before any middleware or 'connection' handler runs (socket.io 4.8, Namespace._add).
 * So a session is restored only while `stillValid(data)`: when its session may still see
 * exactly what it saw. Otherwise the socket connects afresh: middleware, its new room, a
 * snapshot.
 */
function restoreOnlyIf(
  io: FloorServer,
  stillValid: (data: Partial<SocketData>) => Promise<boolean>,
): void {
  const adapter = io.of('/').adapter
  const restore = adapter.restoreSession.bind(adapter)
  type Restored = Awaited<ReturnType<typeof restore>>
  adapter.restoreSession = async (pid, offset) => {
    const session = (await restore(pid, offset)) as Restored | null
    // A session that cannot be checked now is not restored: the socket connects afresh.
    const valid = session
      ? await stillValid(session.data as Partial<SocketData>).catch(() => false)
      : false
    if (session && valid) return session
    // What socket.io's own adapter answers for an unknown or expired session: start afresh.
    return null as unknown as Restored
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}
