import { isAcState } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import { serialFromStore, storedSerial } from '@/shared/serial'
import { sql } from 'kysely'
import { changed, type Sql } from '../db/store'

/** A stored event as `EVENT_COLUMNS` read it. */
export interface AgentEventRow {
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

/** An event gathered by the write batch, to be stored with the batch's others. */
export interface StagedEvent {
  agent: number
  time: number
  serial: string
  profile: number
  state: number
  callId: string | null
  workSkill: string | null
  approx: 0 | 1
  latest: boolean | undefined
  /** Set once stored: false when the same event was stored before. */
  inserted: boolean
}

// Rows per multi-row statement: well under both engines' limits on parameters.
const INSERT_ROWS = 500

/** An event's key as both engines give it back (PostgreSQL's BIGINT comes as text). */
const eventKey = (agent: number | string, time: number | string, serial: string | number) =>
  `${Number(agent)}:${Number(time)}:${String(serial)}`

/** Null-safe equality between a column and a value, in SQL both engines speak. */
const same = (column: string, value: string | null) =>
  value === null ? sql`${sql.ref(column)} IS NULL` : sql`${sql.ref(column)} = ${value}`

// An event with the agent (a), profile (p) and state (s) it refers to: AgentEventRow.
export const EVENT_COLUMNS =
  sql.raw(`a.namespace, a.agent_id, l.serial, p.name, s.ac_state, s.ac_state_raw,
  s.last_ac_state, l.state_change_time, l.approx_time, l.call_id, p.channel_addr, p.skills, l.work_skill, p.org_id,
  p.org_name, p.org_tree_pos, s.reason`)
const SELECT_EVENTS = sql`
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
 * the move of its agent's latest-event pointer, not three lookups; and a write batch's events
 * are gathered (`stage`) and stored together before it commits (`flushStaged`): one INSERT for
 * all their rows and one UPDATE for all the pointers, a round trip each on PostgreSQL instead
 * of two per event. A write batch that fails is rolled back, and a cached id of a row it had
 * created would then point at nothing, or (on SQLite) at another row given the same id: so the
 * caches start afresh, and the gathered events are dropped, whenever the write batcher rolls a
 * transaction back (`rolledBack`, wired by AgentsStore), before its next write; the batcher
 * then retries each write alone, in a transaction that stores its own event.
 * Several relay processes may write these tables at once (a cluster): an agent's row is then
 * taken whoever made it first, and a profile or state may be stored twice, which reads the same.
 */
export class AgentsRepo {
  /** Events of the current write batch not yet stored (`stage`, `flushStaged`). */
  private staged: StagedEvent[] = []
  private readonly ids: Record<Dictionary, Map<string, number>> = {
    agents: new Map(),
    profiles: new Map(),
    states: new Map(),
  }

  constructor(
    private readonly db: Sql,
    /** The floor's margin of a restarted serial counter (SERIAL_RESET_SEC), ms. */
    private readonly serialResetMs = 60_000,
  ) {}

  /**
   * Writes one event on `trx` (the write batch's transaction) at once, with whatever else was
   * staged; false when the same (agent, serial, state change time) was stored before. When the
   * relay received it is not kept: pruning goes by the event's own time. `latest`: whether the
   * floor took it as the agent's latest event (absent: by serial, then time).
   */
  async insert(trx: Sql, view: AgentView, latest?: boolean): Promise<boolean> {
    const event = await this.stage(trx, view, latest)
    await this.flushStaged(trx)
    return event.inserted
  }

  /**
   * Gathers one event of the write batch on `trx`: its agent, profile and state are found or
   * created now (cached), its row and the move of its agent's pointer wait for `flushStaged`,
   * which the write batcher runs before the batch commits. A batch's events then cost one
   * statement for the log and one for the pointers, not two each.
   */
  async stage(trx: Sql, view: AgentView, latest?: boolean): Promise<StagedEvent> {
    const agent = await this.idOf(
      'agents',
      JSON.stringify([view.namespace, view.id]),
      async () => (await this.agentRow(trx, view.namespace, view.id))?.id,
      () =>
        // Another relay process may have made it meanwhile: then its row is the one.
        sql<{ id: number }>`INSERT INTO agents (namespace, agent_id)
          VALUES (${view.namespace}, ${view.id})
          ON CONFLICT (namespace, agent_id) DO UPDATE SET agent_id = excluded.agent_id
          RETURNING id`.execute(trx),
    )
    const skills = JSON.stringify(view.skills)
    const { name, channelAddr } = view
    const { id: orgId, name: orgName, treePos: orgTreePos } = view.org
    const profile = await this.idOf(
      'profiles',
      JSON.stringify([agent, name, orgId, orgName, orgTreePos, skills, channelAddr]),
      async () =>
        (
          await sql<{ id: number }>`SELECT id FROM agent_profiles
            WHERE agent = ${agent} AND ${same('name', name)} AND ${same('org_id', orgId)}
              AND ${same('org_name', orgName)} AND ${same('org_tree_pos', orgTreePos)}
              AND skills = ${skills} AND ${same('channel_addr', channelAddr)}
            LIMIT 1`.execute(trx)
        ).rows[0]?.id,
      () =>
        sql<{ id: number }>`INSERT INTO agent_profiles
            (agent, name, org_id, org_name, org_tree_pos, skills, channel_addr)
          VALUES (${agent}, ${name}, ${orgId}, ${orgName}, ${orgTreePos}, ${skills}, ${channelAddr})
          RETURNING id`.execute(trx),
    )
    const { acState, acStateRaw, lastACState, reason } = view
    const state = await this.idOf(
      'states',
      JSON.stringify([acState, acStateRaw, lastACState, reason]),
      async () =>
        (
          await sql<{ id: number }>`SELECT id FROM agent_states
            WHERE ac_state = ${acState} AND ${same('ac_state_raw', acStateRaw)}
              AND ${same('last_ac_state', lastACState)} AND ${same('reason', reason)}
            LIMIT 1`.execute(trx)
        ).rows[0]?.id,
      () =>
        sql<{ id: number }>`INSERT INTO agent_states (ac_state, ac_state_raw, last_ac_state, reason)
          VALUES (${acState}, ${acStateRaw}, ${lastACState}, ${reason}) RETURNING id`.execute(trx),
    )
    const event: StagedEvent = {
      agent,
      time: view.stateSince,
      serial: storedSerial(view.serial),
      profile,
      state,
      callId: view.callId,
      workSkill: view.workSkill,
      approx: view.approxTime ? 1 : 0,
      latest,
      inserted: false,
    }
    this.staged.push(event)
    return event
  }

  /**
   * Stores the staged events on `trx`: one INSERT for their rows (an event stored before, or
   * twice in the batch, is kept once: the first), then one UPDATE moving the pointers of the
   * agents whose latest event the floor took among them. Marks each event `inserted`.
   */
  async flushStaged(trx: Sql): Promise<void> {
    const events = this.staged
    this.staged = []
    if (events.length === 0) return
    const stored = new Set<string>()
    for (let i = 0; i < events.length; i += INSERT_ROWS) {
      const rows = events.slice(i, i + INSERT_ROWS).map(
        (e) => sql`(${e.agent}, ${e.time}, ${e.serial}, ${e.profile}, ${e.state}, ${e.callId},
          ${e.workSkill}, ${e.approx})`,
      )
      const { rows: inserted } = await sql<{
        agent: number | string
        state_change_time: number | string
        serial: string
      }>`INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id,
          work_skill, approx_time)
        VALUES ${sql.join(rows)}
        ON CONFLICT (agent, state_change_time, serial) DO NOTHING
        RETURNING agent, state_change_time, serial`.execute(trx)
      for (const r of inserted) stored.add(eventKey(r.agent, r.state_change_time, r.serial))
    }
    // The floor's latest events of an agent come in the floor's order: its last one in the batch
    // is where the pointer goes (if it moves forward at all).
    const floorLatest = new Map<number, StagedEvent>()
    for (const e of events) {
      e.inserted = stored.delete(eventKey(e.agent, e.time, e.serial))
      if (!e.inserted) continue
      if (e.latest === true) floorLatest.set(e.agent, e)
      else if (e.latest === undefined) {
        // Without the floor's word: the highest serial, then the latest state change (padded
        // serials order as text as they do as numbers).
        await sql`UPDATE agents SET latest_time = ${e.time}, latest_serial = ${e.serial}
          WHERE id = ${e.agent} AND (latest_serial IS NULL OR latest_serial < ${e.serial}
            OR (latest_serial = ${e.serial} AND latest_time < ${e.time}))`.execute(trx)
      }
    }
    if (floorLatest.size > 0) await this.moveLatest(trx, [...floorLatest.values()])
  }

  /**
   * Points each event's agent at it: the event the live floor took as the agent's latest
   * (AgentsStore decides: serial order, or a restarted serial counter), unless another relay
   * process of the cluster stored a newer one meanwhile: the pointer only moves forward, by the
   * floor's own order (compareViews). One statement, at most one event per agent. VALUES'
   * columns are column1… in both engines; the casts give PostgreSQL their types.
   */
  private async moveLatest(trx: Sql, events: StagedEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += INSERT_ROWS) {
      const rows = events.slice(i, i + INSERT_ROWS).map(
        (e) =>
          sql`(CAST(${e.agent} AS BIGINT), CAST(${e.time} AS BIGINT), CAST(${e.serial} AS TEXT),
              CAST(${e.approx} AS INTEGER))`,
      )
      const heldApprox = sql`COALESCE((SELECT l.approx_time FROM agent_event_log l
        WHERE l.agent = agents.id AND l.state_change_time = agents.latest_time
          AND l.serial = agents.latest_serial), 0)`
      const byTime = sql`(ABS(v.column2 - latest_time) > ${this.serialResetMs} AND v.column4 = 0
        AND ${heldApprox} = 0)`
      await sql`UPDATE agents SET latest_time = v.column2, latest_serial = v.column3
        FROM (VALUES ${sql.join(rows)}) AS v
        WHERE agents.id = v.column1 AND (latest_serial IS NULL
          OR (${byTime} AND latest_time < v.column2)
          OR (NOT ${byTime} AND (latest_serial < v.column3
            OR (latest_serial = v.column3 AND latest_time < v.column2))))`.execute(trx)
    }
  }

  /** A rolled-back transaction: its staged events are gone with it, and the cached ids. */
  rolledBack(): void {
    this.staged = []
    this.forget()
  }

  /**
   * The latest state of every agent: per agent the event with the highest serial, and among
   * equal serials the latest state change (the same order the live floor applies).
   */
  async loadLatest(): Promise<AgentView[]> {
    // From each agent to its latest event by key. CROSS JOIN keeps SQLite from choosing to
    // scan the whole log instead (elsewhere it is a plain join).
    const { rows } = await sql<AgentEventRow>`SELECT ${EVENT_COLUMNS}
      FROM agents a
      CROSS JOIN agent_event_log l
      JOIN agent_profiles p ON p.id = l.profile
      JOIN agent_states s ON s.id = l.state
      WHERE l.agent = a.id AND l.state_change_time = a.latest_time
        AND l.serial = a.latest_serial`.execute(this.db)
    return rows.map(toView)
  }

  /**
   * An agent's events whose state began in [from, to), in the order they happened, preceded by
   * the last one before `from` (the state the agent was in when the range began).
   */
  async eventsBetween(
    namespace: string,
    agentId: string,
    from: number,
    to: number,
  ): Promise<AgentView[]> {
    const agent = await this.agentRow(this.db, namespace, agentId)
    return agent ? this.agentBetween(agent.id, from, to) : []
  }

  /**
   * Every agent's events as `eventsBetween` gives them, agent after agent (each agent's in
   * order): what today's handle time is counted again from after a restart.
   */
  async everyAgentBetween(from: number, to: number): Promise<AgentView[]> {
    const out: AgentView[] = []
    for (const a of await this.agents(this.db))
      out.push(...(await this.agentBetween(a.id, from, to)))
    return out
  }

  /**
   * Deletes events whose state began before `before` (epoch ms), except each agent's latest
   * (what the floor shows, however long ago it began: an agent logged out for weeks is still
   * on the floor after a restart), and the profiles no event refers to any more. Returns how
   * many events. Runs on `trx`, a transaction of the write batcher: no insert can then be
   * between finding a profile in the cache and using it while the profile is deleted.
   */
  async prune(trx: Sql, before: number): Promise<number> {
    let pruned = 0
    // Events staged earlier in this batch refer to profiles: stored first, they keep them.
    await this.flushStaged(trx)
    // Some profiles may go: no insert in this transaction may use a cached id of one.
    this.forget()
    for (const a of await this.agents(trx)) {
      const { rows: profiles } = await sql<{ profile: number }>`SELECT DISTINCT profile
        FROM agent_event_log WHERE agent = ${a.id} AND state_change_time < ${before}`.execute(trx)
      if (profiles.length === 0) continue
      pruned += changed(
        await sql`DELETE FROM agent_event_log WHERE agent = ${a.id}
          AND state_change_time < ${before}
          AND NOT (state_change_time = ${a.latest_time} AND serial = ${a.latest_serial})`.execute(
          trx,
        ),
      )
      for (const { profile } of profiles) {
        await sql`DELETE FROM agent_profiles WHERE id = ${profile} AND NOT EXISTS
          (SELECT 1 FROM agent_event_log WHERE agent = ${a.id} AND profile = ${profile})`.execute(
          trx,
        )
      }
    }
    return pruned
  }

  private async agentRow(db: Sql, namespace: string, agentId: string) {
    const { rows } = await sql<AgentRow>`SELECT id, latest_time, latest_serial FROM agents
      WHERE namespace = ${namespace} AND agent_id = ${agentId}`.execute(db)
    return rows[0]
  }

  private async agents(db: Sql): Promise<AgentRow[]> {
    return (
      await sql<AgentRow>`SELECT id, latest_time, latest_serial FROM agents ORDER BY id`.execute(db)
    ).rows
  }

  /** `eventsBetween` of an agent by its row's id. */
  private async agentBetween(agent: number, from: number, to: number): Promise<AgentView[]> {
    const before = await sql<AgentEventRow>`${SELECT_EVENTS}
      WHERE l.agent = ${agent} AND l.state_change_time < ${from}
      ORDER BY l.state_change_time DESC, l.serial DESC LIMIT 1`.execute(this.db)
    const during = await sql<AgentEventRow>`${SELECT_EVENTS}
      WHERE l.agent = ${agent} AND l.state_change_time >= ${from} AND l.state_change_time < ${to}
      ORDER BY l.state_change_time, l.serial`.execute(this.db)
    return [...before.rows, ...during.rows].map(toView)
  }

  /** The id of a lookup-table row by its content: cached, found, or created. */
  private async idOf(
    table: Dictionary,
    key: string,
    find: () => Promise<number | undefined>,
    add: () => Promise<{ rows: { id: number }[] }>,
  ): Promise<number> {
    const cache = this.ids[table]
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    let id = await find()
    if (id === undefined) {
      const added = (await add()).rows[0]
      if (!added) throw new Error(`no id given to a new row of ${table}`)
      id = Number(added.id)
    }
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(key, Number(id))
    return Number(id)
  }

  /**
   * Starts the caches afresh: a transaction was rolled back (rows it created are gone), or
   * another relay process pruned profiles.
   */
  forget(): void {
    for (const t of DICTIONARIES) {
      this.ids[t].clear()
    }
  }
}

/** An event row as the floor shows it (the customer's number is not stored with events). */
export function toView(r: AgentEventRow): AgentView {
  return {
    id: r.agent_id,
    name: r.name,
    namespace: r.namespace,
    acState: isAcState(r.ac_state) ? r.ac_state : 'Unknown',
    acStateRaw: r.ac_state_raw,
    lastACState: r.last_ac_state !== null && isAcState(r.last_ac_state) ? r.last_ac_state : null,
    stateSince: Number(r.state_change_time),
    ...(Number(r.approx_time) === 1 ? { approxTime: true } : {}),
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
