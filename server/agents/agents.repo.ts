import { isAcState } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { serialFromStore, storedSerial } from '@/shared/serial'
import type { Db } from '../db/database'

interface AgentEventRow {
  namespace: string
  agent_id: string
  /** Zero-padded digits (or, in a file not yet migrated, an integer). */
  serial: string | number
  name: string | null
  ac_state: string
  ac_state_raw: string | null
  last_ac_state: string | null
  state_change_time: number
  approx_time: number
  call_id: string | null
  channel_addr: string | null
  skills: string
  work_skill: string | null
  org_id: string | null
  org_name: string | null
  org_tree_pos: string | null
  reason: string | null
}

/** The lookup tables an event refers to. */
type Dictionary = 'agents' | 'profiles' | 'states'
const DICTIONARIES: readonly Dictionary[] = ['agents', 'profiles', 'states']
// Entries per cache; past this it starts again (only hostile data has this many profiles).
const CACHE_MAX = 50_000

interface AgentRow {
  id: number
  latest_time: number | null
  latest_serial: string | null
}

/** Null-safe equality between a column and a named parameter, in SQL both databases speak. */
const same = (column: string, param: string) =>
  `(${column} = @${param} OR (${column} IS NULL AND @${param} IS NULL))`

// An event with the agent (a), profile (p) and state (s) it refers to: AgentEventRow.
const EVENT_COLUMNS = `a.namespace, a.agent_id, l.serial, p.name, s.ac_state, s.ac_state_raw,
  s.last_ac_state, l.state_change_time, l.approx_time, l.call_id, p.channel_addr, p.skills, l.work_skill, p.org_id,
  p.org_name, p.org_tree_pos, s.reason`
const SELECT_EVENTS = `
  SELECT ${EVENT_COLUMNS}
  FROM agent_event_log l
  JOIN agents a ON a.id = l.agent
  JOIN agent_profiles p ON p.id = l.profile
  JOIN agent_states s ON s.id = l.state`

/**
 * Stored agent events: the log the floor is rebuilt from after a restart, and the timeline.
 * An event row holds its key, its call and references to what repeats from event to event:
 * the agent's profile (name, department, skills, extension) and its state words, each stored
 * once (compact-store.migration.ts). Every event still reads back exactly as it came, with
 * the name, department and skills the agent had then.
 *
 * The ids of agents, profiles and states are cached by content, so an event costs its row and
 * the move of its agent's latest-event pointer, not three lookups. A write batch that fails is
 * rolled back, and a cached id of a row it had created would then point at nothing, or at
 * another row given the same id: so each insert first checks that every row this repo created
 * is still there (the tables' highest ids have not gone down) and starts the caches afresh
 * when one is not. Only this repo writes these tables.
 */
export class AgentsRepo {
  private readonly stmts
  private readonly ids: Record<Dictionary, Map<string, number>> = {
    agents: new Map(),
    profiles: new Map(),
    states: new Map(),
  }
  /** The highest id this repo has created in each lookup table. */
  private readonly created: Record<Dictionary, number> = { agents: 0, profiles: 0, states: 0 }

  constructor(private readonly db: Db) {
    this.stmts = {
      highest: db.prepare<[], Partial<Record<Dictionary, number>>>(
        `SELECT (SELECT MAX(id) FROM agents) AS agents, (SELECT MAX(id) FROM agent_profiles) AS profiles,
           (SELECT MAX(id) FROM agent_states) AS states`,
      ),
      agent: db.prepare<[string, string], AgentRow>(
        'SELECT id, latest_time, latest_serial FROM agents WHERE namespace = ? AND agent_id = ?',
      ),
      addAgent: db.prepare('INSERT INTO agents (namespace, agent_id) VALUES (?, ?)'),
      profile: db.prepare<Record<string, unknown>, { id: number }>(
        `SELECT id FROM agent_profiles WHERE agent = @agent AND ${same('name', 'name')}
           AND ${same('org_id', 'orgId')} AND ${same('org_name', 'orgName')}
           AND ${same('org_tree_pos', 'orgTreePos')} AND skills = @skills
           AND ${same('channel_addr', 'channelAddr')}
         LIMIT 1`,
      ),
      addProfile: db.prepare(
        `INSERT INTO agent_profiles (agent, name, org_id, org_name, org_tree_pos, skills, channel_addr)
         VALUES (@agent, @name, @orgId, @orgName, @orgTreePos, @skills, @channelAddr)`,
      ),
      state: db.prepare<Record<string, unknown>, { id: number }>(
        `SELECT id FROM agent_states WHERE ac_state = @acState AND ${same('ac_state_raw', 'acStateRaw')}
           AND ${same('last_ac_state', 'lastACState')} AND ${same('reason', 'reason')}
         LIMIT 1`,
      ),
      addState: db.prepare(
        `INSERT INTO agent_states (ac_state, ac_state_raw, last_ac_state, reason)
         VALUES (@acState, @acStateRaw, @lastACState, @reason)`,
      ),
      insert: db.prepare(
        `INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id,
           work_skill, approx_time)
         VALUES (@agent, @time, @serial, @profile, @state, @callId, @workSkill, @approxTime)
         ON CONFLICT (agent, state_change_time, serial) DO NOTHING`,
      ),
      // The event the live floor took as the agent's latest (AgentsStore decides: serial
      // order, or a restarted serial counter).
      setLatest: db.prepare(
        'UPDATE agents SET latest_time = @time, latest_serial = @serial WHERE id = @agent',
      ),
      // Without the floor's word: the highest serial, then the latest state change (padded
      // serials order as text as they do as numbers).
      moveLatest: db.prepare(
        `UPDATE agents SET latest_time = @time, latest_serial = @serial
         WHERE id = @agent AND (latest_serial IS NULL OR latest_serial < @serial
           OR (latest_serial = @serial AND latest_time < @time))`,
      ),
      // From each agent to its latest event by key. CROSS JOIN keeps SQLite from choosing to
      // scan the whole log instead (elsewhere it is a plain join).
      latest: db.prepare<[], AgentEventRow>(
        `SELECT ${EVENT_COLUMNS}
         FROM agents a
         CROSS JOIN agent_event_log l
         JOIN agent_profiles p ON p.id = l.profile
         JOIN agent_states s ON s.id = l.state
         WHERE l.agent = a.id AND l.state_change_time = a.latest_time AND l.serial = a.latest_serial`,
      ),
      before: db.prepare<[number, number], AgentEventRow>(
        `${SELECT_EVENTS} WHERE l.agent = ? AND l.state_change_time < ?
         ORDER BY l.state_change_time DESC, l.serial DESC LIMIT 1`,
      ),
      during: db.prepare<[number, number, number], AgentEventRow>(
        `${SELECT_EVENTS} WHERE l.agent = ? AND l.state_change_time >= ? AND l.state_change_time < ?
         ORDER BY l.state_change_time, l.serial`,
      ),
      agents: db.prepare<[], AgentRow>('SELECT id, latest_time, latest_serial FROM agents'),
      profilesBefore: db.prepare<[number, number], { profile: number }>(
        'SELECT DISTINCT profile FROM agent_event_log WHERE agent = ? AND state_change_time < ?',
      ),
      prune: db.prepare(
        `DELETE FROM agent_event_log WHERE agent = @agent AND state_change_time < @before
           AND NOT (state_change_time = @time AND serial = @serial)`,
      ),
      pruneProfile: db.prepare(
        `DELETE FROM agent_profiles WHERE id = @profile AND NOT EXISTS
           (SELECT 1 FROM agent_event_log WHERE agent = @agent AND profile = @profile)`,
      ),
    }
  }

  /**
   * Writes one event; false when the same (agent, serial, state change time) was stored before.
   * When the relay received it is not kept: pruning goes by the event's own time. `latest`:
   * whether the floor took it as the agent's latest event (absent: by serial, then time).
   */
  insert(view: AgentView, latest?: boolean): boolean {
    const s = this.stmts
    this.checkCaches()
    const agent = this.idOf(
      'agents',
      JSON.stringify([view.namespace, view.id]),
      () => s.agent.get(view.namespace, view.id),
      () => s.addAgent.run(view.namespace, view.id),
    )
    const who = {
      agent,
      name: view.name,
      orgId: view.org.id,
      orgName: view.org.name,
      orgTreePos: view.org.treePos,
      skills: JSON.stringify(view.skills),
      channelAddr: view.channelAddr,
    }
    const profile = this.idOf(
      'profiles',
      JSON.stringify([
        agent,
        who.name,
        who.orgId,
        who.orgName,
        who.orgTreePos,
        who.skills,
        who.channelAddr,
      ]),
      () => s.profile.get(who),
      () => s.addProfile.run(who),
    )
    const what = {
      acState: view.acState,
      acStateRaw: view.acStateRaw,
      lastACState: view.lastACState,
      reason: view.reason,
    }
    const state = this.idOf(
      'states',
      JSON.stringify([what.acState, what.acStateRaw, what.lastACState, what.reason]),
      () => s.state.get(what),
      () => s.addState.run(what),
    )
    const key = { agent, time: view.stateSince, serial: storedSerial(view.serial) }
    const info = s.insert.run({
      ...key,
      profile,
      state,
      callId: view.callId,
      workSkill: view.workSkill,
      approxTime: view.approxTime ? 1 : 0,
    })
    if (info.changes === 0) return false
    if (latest === undefined) s.moveLatest.run(key)
    else if (latest) s.setLatest.run(key)
    return true
  }

  /**
   * The latest state of every agent: per agent the event with the highest serial, and among
   * equal serials the latest state change (the same order the live floor applies).
   */
  loadLatest(): AgentView[] {
    return this.stmts.latest.all().map(toView)
  }

  /**
   * An agent's events whose state began in [from, to), in the order they happened, preceded by
   * the last one before `from` (the state the agent was in when the range began).
   */
  eventsBetween(namespace: string, agentId: string, from: number, to: number): AgentView[] {
    const agent = this.stmts.agent.get(namespace, agentId)
    if (!agent) return []
    return [
      ...this.stmts.before.all(agent.id, from),
      ...this.stmts.during.all(agent.id, from, to),
    ].map(toView)
  }

  /**
   * Every agent's events as `eventsBetween` gives them, agent after agent (each agent's in
   * order): what today's handle time is counted again from after a restart.
   */
  everyAgentBetween(from: number, to: number): AgentView[] {
    const out: AgentView[] = []
    for (const a of this.stmts.agents.all()) {
      for (const r of this.stmts.before.all(a.id, from)) out.push(toView(r))
      for (const r of this.stmts.during.all(a.id, from, to)) out.push(toView(r))
    }
    return out
  }

  /**
   * Deletes events whose state began before `before` (epoch ms), except each agent's latest
   * (what the floor shows, however long ago it began: an agent logged out for weeks is still
   * on the floor after a restart), and the profiles no event refers to any more. Returns how
   * many events.
   */
  prune(before: number): number {
    const s = this.stmts
    let pruned = 0
    this.db.transaction(() => {
      for (const a of s.agents.all()) {
        const profiles = s.profilesBefore.all(a.id, before)
        if (profiles.length === 0) continue
        pruned += s.prune.run({
          agent: a.id,
          before,
          time: a.latest_time,
          serial: a.latest_serial,
        }).changes
        for (const { profile } of profiles) s.pruneProfile.run({ agent: a.id, profile })
      }
    })()
    this.forgetIds() // some profiles may be gone
    return pruned
  }

  /** The id of a lookup-table row by its content: cached, found, or created. */
  private idOf(
    table: Dictionary,
    key: string,
    find: () => { id: number } | undefined,
    add: () => { lastInsertRowid: number | bigint },
  ): number {
    const cache = this.ids[table]
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    let id = find()?.id
    if (id === undefined) {
      id = Number(add().lastInsertRowid)
      this.created[table] = Math.max(this.created[table], id)
    }
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(key, id)
    return id
  }

  /** Starts the caches afresh when a row this repo created was rolled back. */
  private checkCaches(): void {
    const highest = this.stmts.highest.get() ?? {}
    const lost = DICTIONARIES.some((t) => (highest[t] ?? 0) < this.created[t])
    if (lost) this.forgetIds()
  }

  private forgetIds(): void {
    for (const t of DICTIONARIES) {
      this.ids[t].clear()
      this.created[t] = 0
    }
  }
}

function toView(r: AgentEventRow): AgentView {
  return {
    id: r.agent_id,
    name: r.name,
    namespace: r.namespace,
    acState: isAcState(r.ac_state) ? r.ac_state : 'Unknown',
    acStateRaw: r.ac_state_raw,
    lastACState: r.last_ac_state !== null && isAcState(r.last_ac_state) ? r.last_ac_state : null,
    stateSince: Number(r.state_change_time),
    ...(r.approx_time === 1 ? { approxTime: true } : {}),
    callId: r.call_id,
    customerNumber: null,
    channelAddr: r.channel_addr,
    skills: parseSkills(r.skills),
    workSkill: r.work_skill,
    org: { id: r.org_id, name: r.org_name, treePos: r.org_tree_pos },
    reason: r.reason,
    serial: serialFromStore(r.serial),
  }
}

function parseSkills(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) ? v.map(String) : []
  } catch {
    return []
  }
}
