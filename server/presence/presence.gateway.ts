import type { AgentView } from '@/shared/floor'
import {
  type AgentPresence,
  type PresenceAnswer,
  presenceTargetSchema,
  snoozeRequestSchema,
} from '@/shared/presence'
import { describeIssues } from '@/shared/validation'
import type { Audience } from '../realtime/audience'
import { identityOf } from '../realtime/socket-identity'
import type {
  ClientHandlersOf,
  FloorGateway,
  FloorServer,
  FloorSocket,
} from '../realtime/floor.gateway'
import type { PresenceService } from './presence.service'

/** Snoozes and claims whose time is up are ended within this long, ms. */
export const SNOOZE_SWEEP_MS = 5_000

type Ack = (answer: PresenceAnswer) => void

/**
 * Presence over socket.io: takes the leads' requests (through the floor's allowance, so every
 * message is rate-limited), sends each screen who is on the agents of its scope on connect,
 * and each change to the screens whose scope holds the agent.
 */
export class PresenceGateway {
  private readonly sweeper: NodeJS.Timeout

  constructor(
    private readonly io: FloorServer,
    floor: FloorGateway,
    private readonly presence: PresenceService,
    private readonly agent: (namespace: string, agentId: string) => AgentView | undefined,
  ) {
    floor.addClientHandlers((socket) => this.handlersFor(socket))
    // Registered after the floor's own listener: the snapshot of who is on whom follows the floor's.
    io.on('connection', (socket) => this.onConnection(socket))
    this.sweeper = setInterval(() => this.sweep(), SNOOZE_SWEEP_MS)
  }

  /** Tells every screen whose scope holds the agent. */
  changed(namespace: string, presence: AgentPresence): void {
    const agent = this.agent(namespace, presence.agentId)
    if (!agent) return
    for (const audience of this.audiences(namespace)) {
      if (audience.includesAgent(agent))
        this.io.local.to(audience.key).emit('presence:changed', presence)
    }
  }

  /** Ends the snoozes and claims whose time is up now (also run every SNOOZE_SWEEP_MS). */
  sweep(): void {
    this.presence.expire()
  }

  close(): void {
    clearInterval(this.sweeper)
  }

  private onConnection(socket: FloorSocket): void {
    if (!socket.connected) return
    const { audience } = identityOf(socket)
    const agents = this.presence.list(audience.namespace).filter((p) => {
      const agent = this.agent(audience.namespace, p.agentId)
      return agent !== undefined && audience.includesAgent(agent)
    })
    socket.emit('presence:snapshot', { agents })
    socket.on('disconnect', () => this.presence.socketGone(audience.namespace, socket.id))
  }

  private handlersFor(socket: FloorSocket): ClientHandlersOf<'presence'> {
    const principal = () => identityOf(socket).principal
    const namespace = () => identityOf(socket).audience.namespace
    return {
      'presence:open-menu': (...args) => {
        const target = presenceTargetSchema.safeParse(args[0])
        if (target.success) this.presence.openMenu(principal(), socket.id, target.data.agentId)
      },
      'presence:close-menu': (...args) => {
        const target = presenceTargetSchema.safeParse(args[0])
        if (target.success) this.presence.closeMenu(namespace(), socket.id, target.data.agentId)
      },
      'presence:claim': (...args) =>
        answer(args, presenceTargetSchema, (t) => this.presence.claim(principal(), t.agentId)),
      'presence:release': (...args) =>
        answer(args, presenceTargetSchema, (t) => this.presence.release(principal(), t.agentId)),
      'presence:snooze': (...args) =>
        answer(args, snoozeRequestSchema, (r) => this.presence.snooze(principal(), r)),
      'presence:unsnooze': (...args) =>
        answer(args, presenceTargetSchema, (t) => this.presence.unsnooze(principal(), t.agentId)),
    }
  }

  /** The distinct audiences of a namespace's open screens. */
  private audiences(namespace: string): Audience[] {
    const byKey = new Map<string, Audience>()
    for (const socket of this.io.of('/').sockets.values()) {
      const a = identityOf(socket).audience
      if (a.namespace === namespace) byKey.set(a.key, a)
    }
    return [...byKey.values()]
  }
}

/** Validates a request with an ack, runs it, and answers; a request without an ack is dropped. */
function answer<T>(
  args: unknown[],
  schema: {
    safeParse: (
      v: unknown,
    ) =>
      { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] }
  },
  run: (request: T) => Promise<PresenceAnswer>,
): void {
  const [body, ack] = args
  if (args.length !== 2 || typeof ack !== 'function') return
  const reply = ack as Ack
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    reply({ ok: false, error: 'invalid_request', message: describeIssues(parsed.error) })
    return
  }
  // Answered once the request is audited. Should the audit log fail, no answer is given: the
  // lead's screen reports the request timed out rather than a success nobody could trace.
  run(parsed.data).then(reply, () => {})
}
