import type { ActionOp, Bilingual, PresenceOp } from '@/shared/actions'
import { can } from '@/shared/auth'
import type { AgentView } from '@/shared/floor'
import { epochToLocal } from '@/shared/platform-time'
import {
  type AgentPresence,
  type PresenceAnswer,
  type PresenceEntry,
  type PresenceError,
  type PresenceKind,
  type SnoozeRequest,
} from '@/shared/presence'
import type { AuditRepo } from '../actions/audit.repo'
import type { Principal } from '../auth/auth.service'
import { audienceOf } from '../realtime/audience'
import type { HeldEntry, HeldPresence, PresenceStore } from './presence.store'

export interface PresenceDeps {
  store: PresenceStore
  /** The agent as the floor holds it now. */
  agent: (namespace: string, agentId: string) => AgentView | undefined
  audit: AuditRepo
  now: () => number
  /** The platform's zone: "since 10:02" reads as its clocks do. */
  timeZone: string
  /** Hears every agent whose presence changed (to tell the screens). */
  changed: (namespace: string, presence: AgentPresence) => void
}

/** A call operation that puts its lead on the call, and how the others see it. */
const ON_CALL: Partial<Record<ActionOp, PresenceKind>> = {
  listen: 'listening',
  join: 'barged',
  take: 'took-over',
}

/** A claim nobody released ends by itself after this long, ms: a lead forgets to say so. */
export const CLAIM_MAX_MS = 30 * 60_000
/**
 * A menu left open stops showing as looking after this long, ms. It also ends the looking of a
 * screen whose relay process was lost in a cluster: no other process hears that screen close.
 */
export const LOOKING_MAX_MS = 5 * 60_000

type Checked = { ok: true; agent: AgentView } | { ok: false; error: PresenceError; message: string }

/**
 * Who is on which agent, and which breaches are snoozed. Looking lasts while the lead's menu
 * is open (and their link up), up to LOOKING_MAX_MS; listening, barged and took-over while the agent stays on that
 * call; a claim until released, the agent logs out, or CLAIM_MAX_MS; a snooze until its time
 * or the agent's state changes (the breach it silenced is over). Claims and snoozes are audited.
 */
export class PresenceService {
  constructor(private readonly d: PresenceDeps) {}

  /** What the screens are told about an agent. */
  presenceOf(namespace: string, agentId: string): AgentPresence {
    return shown(this.d.store.get(namespace, agentId))
  }

  /** Every agent of a namespace someone is on. */
  list(namespace: string): AgentPresence[] {
    return this.d.store.list(namespace).map(shown)
  }

  /** The lead opened the agent's menu on one screen (a screen looks at one agent at a time). */
  openMenu(p: Principal, socketId: string, agentId: string): void {
    const checked = this.check(p, agentId)
    if (!checked.ok) return
    this.closeMenus(p.scope.namespace, socketId, agentId)
    this.update(p.scope.namespace, agentId, (h) => ({
      entries: [
        ...h.entries,
        {
          ...this.entry(p.username, 'looking', socketId),
          expiresAt: this.d.now() + LOOKING_MAX_MS,
        },
      ],
      snooze: h.snooze,
    }))
  }

  closeMenu(namespace: string, socketId: string, agentId: string): void {
    this.update(namespace, agentId, (h) => ({
      entries: h.entries.filter((e) => !(e.kind === 'looking' && e.holder === socketId)),
      snooze: h.snooze,
    }))
  }

  /** A screen's link closed: the menus it had open are closed. */
  socketGone(namespace: string, socketId: string): void {
    this.closeMenus(namespace, socketId, null)
  }

  claim(p: Principal, agentId: string): Promise<PresenceAnswer> {
    return this.audited(p, agentId, 'claim', null, (agent) =>
      this.update(agent.namespace, agent.id, (h) => ({
        entries: [
          ...h.entries.filter((e) => !(e.kind === 'claimed' && e.holder === p.username)),
          {
            ...this.entry(p.username, 'claimed', p.username),
            expiresAt: this.d.now() + CLAIM_MAX_MS,
          },
        ],
        snooze: h.snooze,
      })),
    )
  }

  release(p: Principal, agentId: string): Promise<PresenceAnswer> {
    return this.audited(p, agentId, 'release', null, (agent) =>
      this.update(agent.namespace, agent.id, (h) => ({
        entries: h.entries.filter((e) => !(e.kind === 'claimed' && e.holder === p.username)),
        snooze: h.snooze,
      })),
    )
  }

  snooze(p: Principal, request: SnoozeRequest): Promise<PresenceAnswer> {
    const reason = `${request.reason} (${request.minutes} min)`
    return this.audited(p, request.agentId, 'snooze', reason, (agent) => {
      const since = this.d.now()
      this.update(agent.namespace, agent.id, (h) => ({
        entries: h.entries,
        snooze: {
          by: p.username,
          reason: request.reason,
          since,
          until: since + request.minutes * 60_000,
          stateSince: agent.stateSince,
        },
      }))
    })
  }

  unsnooze(p: Principal, agentId: string): Promise<PresenceAnswer> {
    return this.audited(p, agentId, 'unsnooze', null, (agent) =>
      this.update(agent.namespace, agent.id, (h) => ({ entries: h.entries, snooze: null })),
    )
  }

  /** A call operation succeeded: its lead is on the agent's call from now on. */
  actionDone(p: Principal, agent: AgentView, op: ActionOp): void {
    if (op === 'stop-listen') {
      // The lead hung up their own listen: the others no longer need warning about it.
      this.update(agent.namespace, agent.id, (h) => ({
        entries: h.entries.filter((e) => !(e.kind === 'listening' && e.holder === p.username)),
        snooze: h.snooze,
      }))
      return
    }
    const kind = ON_CALL[op]
    if (!kind || !agent.callId) return
    const callId = agent.callId
    this.update(agent.namespace, agent.id, (h) => ({
      entries: [
        ...h.entries.filter((e) => !(e.kind === kind && e.holder === p.username)),
        { ...this.entry(p.username, kind, p.username), callId },
      ],
      snooze: h.snooze,
    }))
  }

  /** Other leads on the agent's current call (listening, barged, took over), oldest first. */
  othersOnCall(p: Principal, agent: AgentView): PresenceEntry[] {
    if (!agent.callId) return []
    const held = this.d.store.get(agent.namespace, agent.id)
    const entries = held.entries.filter((e) => e.by !== p.username && e.callId === agent.callId)
    return shown({ ...held, entries }).entries
  }

  /** The words of a refused barge: who is on the call, since when. */
  othersMessage(others: readonly PresenceEntry[]): Bilingual {
    const zhKind = { listening: '正在监听', barged: '已强插', 'took-over': '已接管' } as const
    const enKind = { listening: 'listening to', barged: 'barged into', 'took-over': 'took over' }
    const zh: string[] = []
    const en: string[] = []
    for (const o of others) {
      if (o.kind !== 'listening' && o.kind !== 'barged' && o.kind !== 'took-over') continue
      const at = this.clock(o.since)
      zh.push(`${o.by} 自 ${at} 起${zhKind[o.kind]}此通话`)
      en.push(`${o.by} has been ${enKind[o.kind]} this call since ${at}`)
    }
    return {
      zh: `${zh.join('；')}。确认知晓后才能强插。`,
      en: `${en.join('; ')}. Barge in only once you have acknowledged it.`,
    }
  }

  /** The floor replaced an agent's view: what no longer holds ends. */
  agentChanged(view: AgentView): void {
    const held = this.d.store.get(view.namespace, view.id)
    if (held.entries.length === 0 && held.snooze === null) return
    this.update(view.namespace, view.id, (h) => ({
      entries: h.entries.filter(
        (e) =>
          (e.callId === null || e.callId === view.callId) &&
          !(e.kind === 'claimed' && view.acState === 'LogOut'),
      ),
      snooze: h.snooze?.stateSince === view.stateSince ? h.snooze : null,
    }))
  }

  /** A call ended: nobody is on it any more. */
  callEnded(namespace: string, callId: string): void {
    for (const held of this.d.store.list(namespace)) {
      if (!held.entries.some((e) => e.callId === callId)) continue
      this.update(namespace, held.agentId, (h) => ({
        entries: h.entries.filter((e) => e.callId !== callId),
        snooze: h.snooze,
      }))
    }
  }

  /** Ends the snoozes, claims and looking whose time is up. */
  expire(): void {
    const now = this.d.now()
    const live = (e: HeldEntry) => e.expiresAt === null || e.expiresAt > now
    for (const held of this.d.store.all()) {
      if ((held.snooze && held.snooze.until <= now) || !held.entries.every(live))
        this.update(held.namespace, held.agentId, (h) => ({
          entries: h.entries.filter(live),
          snooze: h.snooze && h.snooze.until > now ? h.snooze : null,
        }))
    }
  }

  private closeMenus(namespace: string, socketId: string, except: string | null): void {
    for (const held of this.d.store.list(namespace)) {
      if (held.agentId === except) continue
      if (held.entries.some((e) => e.kind === 'looking' && e.holder === socketId))
        this.closeMenu(namespace, socketId, held.agentId)
    }
  }

  private entry(by: string, kind: PresenceKind, holder: string): HeldEntry {
    return { by, kind, since: this.d.now(), holder, callId: null, expiresAt: null }
  }

  /** Changes what is held for an agent; tells the screens if that changes what they show. */
  private update(
    namespace: string,
    agentId: string,
    change: (held: HeldPresence) => Pick<HeldPresence, 'entries' | 'snooze'>,
  ): void {
    const held = this.d.store.get(namespace, agentId)
    const next = change(held)
    if (next.entries === held.entries && next.snooze === held.snooze) return
    this.d.store.set(namespace, agentId, next.entries, next.snooze)
    const before = shown(held)
    const after = shown({ namespace, agentId, ...next })
    if (JSON.stringify(before) !== JSON.stringify(after)) this.d.changed(namespace, after)
  }

  /**
   * Refuses viewers, wall screens and agents out of scope; otherwise does `act`. Audited: the
   * answer comes once the entry is written.
   */
  private async audited(
    p: Principal,
    agentId: string,
    op: PresenceOp,
    reason: string | null,
    act: (agent: AgentView) => void,
  ): Promise<PresenceAnswer> {
    const checked = this.check(p, agentId)
    if (checked.ok) act(checked.agent)
    const agent = checked.ok ? checked.agent : null
    await this.d.audit.insert({
      at: this.d.now(),
      userId: p.kind === 'user' ? p.id : null,
      username: p.username,
      namespace: p.scope.namespace,
      agentId,
      deviceId: agent?.channelAddr ?? null,
      callId: agent?.callId ?? null,
      op,
      reason,
      supervisorDevice: null,
      outcome: checked.ok ? 'ok' : 'refused',
      status: checked.ok ? 200 : checked.error === 'forbidden' ? 403 : 404,
      upstreamStatus: null,
      message: checked.ok ? null : checked.message,
      latencyMs: null,
    })
    return checked.ok ? { ok: true } : { ok: false, error: checked.error, message: checked.message }
  }

  private check(p: Principal, agentId: string): Checked {
    if (p.kind !== 'user' || !can(p.role, 'act'))
      return { ok: false, error: 'forbidden', message: `your role (${p.role}) may not do this` }
    const agent = this.d.agent(p.scope.namespace, agentId)
    if (!agent || !audienceOf(p.scope).includesAgent(agent))
      return { ok: false, error: 'not_found', message: `no agent ${agentId} in your scope` }
    return { ok: true, agent }
  }

  private clock(at: number): string {
    const t = epochToLocal(this.d.timeZone, at)
    return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`
  }
}

/** What the screens see: one entry per lead and kind (the oldest), oldest first. */
function shown(held: HeldPresence): AgentPresence {
  const seen = new Map<string, PresenceEntry>()
  for (const e of [...held.entries].sort((a, b) => a.since - b.since)) {
    const key = `${e.by}|${e.kind}`
    if (!seen.has(key)) seen.set(key, { by: e.by, kind: e.kind, since: e.since })
  }
  const s = held.snooze
  return {
    agentId: held.agentId,
    entries: [...seen.values()],
    snooze: s ? { by: s.by, reason: s.reason, since: s.since, until: s.until } : null,
  }
}
