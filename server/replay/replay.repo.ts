import type { AgentView, CallSummary } from '@/shared/floor'
import { type RawBuilder, sql } from 'kysely'
import { compareViews } from '../agents/agents.store'
import { type AgentEventRow, EVENT_COLUMNS, toView } from '../agents/agents.repo'
import { CallsRepo } from '../day-calls/calls.repo'
import type { Sql, StoreKind } from '../db/store'

// A call's first state is looked for this far back from the state shown, ms: a call longer than
// this shows its time on the call from the earliest state within it.
const CALL_LOOKBACK_MS = 4 * 60 * 60 * 1000
// The latest calls are read this many at a time, newest first …
const LATEST_PAGE = 200
// … for at most this many pages: an audience that sees few of the day's calls gets the ones
// among the newest 2,000.
const LATEST_PAGES = 10
// Calls whose number is looked up per query (well under either engine's limit of parameters).
const NUMBERS_CHUNK = 1_000

/**
 * Reads the stored events and calls as they stood at a past moment: the floor's agents (each
 * agent's latest event by then, in the live floor's order), and the day's latest calls ended by
 * then (their counts: DayCounts). The agents need no checkpoint: one seek per agent on the log's
 * key (agent, then time) costs the same whatever the days kept, about 60–170 ms for 5,000
 * agents on either engine (bench/replay); it is the day's calls that grow with the day.
 */
export class ReplayRepo {
  private readonly calls: CallsRepo

  constructor(
    private readonly db: Sql,
    /** Which engine: the same seeks are asked for differently. */
    private readonly kind: StoreKind = 'sqlite',
    /** The floor's margin of a restarted serial counter (SERIAL_RESET_SEC), ms. */
    private readonly serialResetMs = 60_000,
  ) {
    this.calls = new CallsRepo(db)
  }

  /**
   * Every agent of `namespace` as the floor showed them at `at` (epoch ms): per agent the
   * newest of its events whose state began by then, ordered as the live floor orders them
   * (serial, then time; by time when they are further apart than a serial reset). Agents with
   * no event by then are absent. `callSince` is the first state of the call within the
   * lookback; the customer's number is not stored with events (see `withNumbers`).
   */
  async floorAt(namespace: string, at: number): Promise<AgentView[]> {
    // Per agent the latest state time by `at` (a seek on the log's key), then the events
    // within a serial reset of it: among those the floor's order decides.
    const callSince = sql`CASE WHEN l.call_id IS NULL THEN NULL ELSE
      (SELECT MIN(c.state_change_time) FROM agent_event_log c
        WHERE c.agent = l.agent AND c.call_id = l.call_id
          AND c.state_change_time >= l.state_change_time - ${CALL_LOOKBACK_MS}
          AND c.state_change_time <= l.state_change_time) END AS call_since`
    const latestTime = (agent: RawBuilder<unknown>) => sql`(SELECT MAX(x.state_change_time)
      FROM agent_event_log x WHERE x.agent = ${agent} AND x.state_change_time <= ${at})`
    // PostgreSQL would rather hash-join the whole log: a lateral subquery it may not flatten
    // (OFFSET 0) keeps it to the seeks. SQLite has no lateral join, and does the seeks as asked.
    const query =
      this.kind === 'postgres'
        ? sql<AgentEventRow & { call_since: number | null }>`
          SELECT ${EVENT_COLUMNS}, ${callSince}
          FROM agents a
          CROSS JOIN LATERAL (SELECT y.* FROM agent_event_log y
            WHERE y.agent = a.id AND y.state_change_time <= ${at}
              AND y.state_change_time >= ${latestTime(sql`a.id`)} - ${this.serialResetMs}
            OFFSET 0) l
          JOIN agent_profiles p ON p.id = l.profile
          JOIN agent_states s ON s.id = l.state
          WHERE a.namespace = ${namespace}`
        : sql<AgentEventRow & { call_since: number | null }>`
          WITH m AS MATERIALIZED (
            SELECT a.id AS agent, ${latestTime(sql`a.id`)} AS t
            FROM agents a WHERE a.namespace = ${namespace}
          )
          SELECT ${EVENT_COLUMNS}, ${callSince}
          FROM m
          CROSS JOIN agent_event_log l
          JOIN agents a ON a.id = l.agent
          JOIN agent_profiles p ON p.id = l.profile
          JOIN agent_states s ON s.id = l.state
          WHERE m.t IS NOT NULL AND l.agent = m.agent
            AND l.state_change_time >= m.t - ${this.serialResetMs}
            AND l.state_change_time <= ${at}`
    const { rows } = await query.execute(this.db)
    const latest = new Map<string, AgentView>()
    for (const row of rows) {
      const view = toView(row)
      view.callSince = view.callId === null ? null : Number(row.call_since ?? view.stateSince)
      const held = latest.get(view.id)
      if (!held || compareViews(view, held, this.serialResetMs) > 0) latest.set(view.id, view)
    }
    return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  /**
   * The events of `namespace` whose state began in (from, to], preceded by each agent's state
   * at `from`: every agent's, agent after agent, each agent's in the order they happened.
   */
  async eventsAround(namespace: string, from: number, to: number): Promise<AgentView[]> {
    const atFrom = await this.floorAt(namespace, from)
    // Each agent's events of the stretch by a seek on the log's key (on PostgreSQL a lateral
    // subquery it may not flatten, as in floorAt).
    const query =
      this.kind === 'postgres'
        ? sql<AgentEventRow>`SELECT ${EVENT_COLUMNS}
          FROM agents a
          CROSS JOIN LATERAL (SELECT y.* FROM agent_event_log y WHERE y.agent = a.id
            AND y.state_change_time > ${from} AND y.state_change_time <= ${to} OFFSET 0) l
          JOIN agent_profiles p ON p.id = l.profile
          JOIN agent_states s ON s.id = l.state
          WHERE a.namespace = ${namespace}
          ORDER BY a.id, l.state_change_time, l.serial`
        : sql<AgentEventRow>`SELECT ${EVENT_COLUMNS}
          FROM agents a
          CROSS JOIN agent_event_log l
          JOIN agent_profiles p ON p.id = l.profile
          JOIN agent_states s ON s.id = l.state
          WHERE a.namespace = ${namespace} AND l.agent = a.id
            AND l.state_change_time > ${from} AND l.state_change_time <= ${to}
          ORDER BY a.id, l.state_change_time, l.serial`
    const { rows } = await query.execute(this.db)
    const byAgent = new Map<string, AgentView[]>(atFrom.map((v) => [v.id, [v]]))
    for (const row of rows) {
      const view = toView(row)
      const list = byAgent.get(view.id)
      if (list) list.push(view)
      else byAgent.set(view.id, [view])
    }
    return [...byAgent.values()].flat()
  }

  /**
   * The calls of `namespace` that ended on platform-local `day` by `at` (epoch ms), in the
   * order they ended, with only what the service level is counted from.
   */
  async queueCallsEndedBy(namespace: string, day: string, at: number): Promise<QueueCall[]> {
    const { rows } = await sql<QueueCallRow>`SELECT skill_id, org_tree_pos, call_type, end_reason,
        agent_id, answer_time, queue_sec, end_time
      FROM calls WHERE day = ${day} AND end_time <= ${at} AND namespace = ${namespace}
      ORDER BY end_time`.execute(this.db)
    return rows.map((r) => ({
      skillId: r.skill_id,
      orgTreePos: r.org_tree_pos,
      callType: r.call_type,
      endReason: r.end_reason,
      agentId: r.agent_id,
      answerTime: r.answer_time === null ? null : Number(r.answer_time),
      queueSec: r.queue_sec === null ? null : Number(r.queue_sec),
      endTime: r.end_time === null ? null : Number(r.end_time),
    }))
  }

  /**
   * The day's latest calls ended by `at` that pass `filter`, at most `max`, newest last (as the
   * live feed): read newest first a page at a time, at most LATEST_PAGES pages.
   */
  async latestCalls(
    namespace: string,
    day: string,
    at: number,
    filter: (call: CallSummary) => boolean,
    max: number,
  ): Promise<CallSummary[]> {
    const out: CallSummary[] = []
    for (let page = 0; page < LATEST_PAGES && out.length < max; page++) {
      const calls = await this.calls.listDayEndedBefore(namespace, day, at, LATEST_PAGE, page)
      for (const call of calls) if (out.length < max && filter(call)) out.push(call)
      if (calls.length < LATEST_PAGE) break
    }
    return out.reverse()
  }

  /** The customer's number of each call of `callIds` the relay has seen end. */
  async numbersOf(namespace: string, callIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    for (let from = 0; from < callIds.length; from += NUMBERS_CHUNK) {
      const chunk = callIds.slice(from, from + NUMBERS_CHUNK)
      const { rows } = await sql<NumberRow>`SELECT call_id, customer_phone, call_type, ani, dnis
        FROM calls WHERE namespace = ${namespace} AND call_id IN (${sql.join(chunk)})`.execute(
        this.db,
      )
      for (const r of rows) {
        const number = customerOf(r)
        if (number) out.set(r.call_id, number)
      }
    }
    return out
  }
}

/** What the service level is counted from of one call. */
export type QueueCall = Pick<
  CallSummary,
  | 'skillId'
  | 'orgTreePos'
  | 'callType'
  | 'endReason'
  | 'agentId'
  | 'answerTime'
  | 'queueSec'
  | 'endTime'
>

interface QueueCallRow {
  skill_id: string | null
  org_tree_pos: string | null
  call_type: string | null
  end_reason: string | null
  agent_id: string | null
  answer_time: number | string | null
  queue_sec: number | string | null
  end_time: number | string | null
}

interface NumberRow {
  call_id: string
  customer_phone: string | null
  call_type: string | null
  ani: string | null
  dnis: string | null
}

/** The customer's number as a callEnd names it (as the webhook takes it). */
function customerOf(r: NumberRow): string | null {
  if (r.customer_phone) return r.customer_phone
  return r.call_type && /out/i.test(r.call_type) ? r.dnis : r.ani
}
