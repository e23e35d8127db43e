import { sql } from 'kysely'
import type { QueueRule } from '@/shared/settings'
import { type CallCounts, type FiguresRules, isOutbound } from '../day-calls/figures'
import type { Sql } from '../db/store'

/**
 * The queue rules a day's calls are counted by: each skill group's, the groups with rules of
 * their own, and a key that changes whenever any rule does (a checkpoint counted by other rules
 * is not used).
 */
export interface CountRules {
  rules: FiguresRules
  skills: readonly string[]
  key: string
}

/**
 * Calls of one kind counted together: [skill group, department, call type, abandoned (0/1),
 * picked up by an agent (0/1), calls, queued under the short-abandon time, queued within the
 * service-level threshold, seconds queued, longest seconds queued].
 */
export type Group = [
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
]

/** A day's calls counted up to `at`, as a checkpoint keeps them. */
export interface Checkpoint {
  at: number
  day: string
  groups: Group[]
}

interface GroupRow {
  skill_id: string | null
  org_tree_pos: string | null
  call_type: string | null
  abandon: number | string
  picked: number | string
  calls: number | string
  short: number | string
  in_threshold: number | string
  queue_sec: number | string | null
  longest: number | string | null
}

/**
 * A day's calls counted by the store, by what decides how each counts (skill group, department,
 * type, abandoned, picked up), rather than read one by one: and every CHECKPOINT_EVERY_MS those
 * counts are kept (`floor_checkpoints`), so a past moment's figures add to the nearest one only
 * the calls that ended after it.
 */
export class DayCounts {
  constructor(private readonly db: Sql) {}

  /** The calls of `day` that ended in (after, upTo] (`after` null: from the day's start). */
  async groups(
    namespace: string,
    day: string,
    after: number | null,
    upTo: number,
    r: CountRules,
  ): Promise<Group[]> {
    // Thresholds are the settings' validated numbers: written into the query, so both engines
    // compare them as numbers.
    const bySkill = (pick: (q: QueueRule) => number) => {
      const seconds = (skillId: string | null) => sql.raw(String(Number(pick(r.rules(skillId)))))
      if (r.skills.length === 0) return seconds(null)
      return sql`CASE skill_id ${sql.join(
        r.skills.map((id) => sql`WHEN ${id} THEN ${seconds(id)}`),
        sql` `,
      )} ELSE ${seconds(null)} END`
    }
    const queue = sql`COALESCE(queue_sec, 0)`
    const from = after === null ? sql`` : sql`AND end_time > ${after}`
    const { rows } = await sql<GroupRow>`SELECT skill_id, org_tree_pos, call_type,
        CASE WHEN end_reason = 'QueueAbandon' THEN 1 ELSE 0 END AS abandon,
        CASE WHEN agent_id IS NOT NULL AND answer_time IS NOT NULL THEN 1 ELSE 0 END AS picked,
        COUNT(*) AS calls,
        SUM(CASE WHEN ${queue} < ${bySkill((q) => q.shortAbandonSec)} THEN 1 ELSE 0 END) AS short,
        SUM(CASE WHEN ${queue} <= ${bySkill((q) => q.slThresholdSec)} THEN 1 ELSE 0 END)
          AS in_threshold,
        SUM(${queue}) AS queue_sec,
        MAX(${queue}) AS longest
      FROM calls WHERE day = ${day} AND namespace = ${namespace} ${from} AND end_time <= ${upTo}
      GROUP BY skill_id, org_tree_pos, call_type, abandon, picked`.execute(this.db)
    return rows.map((g) => [
      g.skill_id,
      g.org_tree_pos,
      g.call_type,
      Number(g.abandon),
      Number(g.picked),
      Number(g.calls),
      Number(g.short),
      Number(g.in_threshold),
      Number(g.queue_sec ?? 0),
      Number(g.longest ?? 0),
    ])
  }

  /**
   * The day's calls ended by `at`, per skill group and department, counted as DayFigures counts
   * them: from the nearest checkpoint counted by the same rules, and the calls after it.
   */
  async countsBy(
    namespace: string,
    day: string,
    at: number,
    r: CountRules,
  ): Promise<{ skillId: string | null; orgTreePos: string | null; counts: CallCounts }[]> {
    const checkpoint = await this.checkpointBefore(namespace, day, at, r.key)
    const since = await this.groups(namespace, day, checkpoint?.at ?? null, at, r)
    const out = new Map<
      string,
      { skillId: string | null; orgTreePos: string | null; counts: CallCounts }
    >()
    for (const g of [...(checkpoint?.groups ?? []), ...since]) {
      const key = `${g[0] ?? ''}\u0000${g[1] ?? ''}`
      let bucket = out.get(key)
      if (!bucket) {
        bucket = { skillId: g[0], orgTreePos: g[1], counts: emptyCounts() }
        out.set(key, bucket)
      }
      addGroup(bucket.counts, g)
    }
    return [...out.values()]
  }

  /** The latest checkpoint of `day` at or before `at` counted by rules `key`, or null. */
  async checkpointBefore(
    namespace: string,
    day: string,
    at: number,
    key: string,
  ): Promise<Checkpoint | null> {
    const { rows } = await sql<CheckpointRow>`SELECT at, day, counts FROM floor_checkpoints
      WHERE namespace = ${namespace} AND at <= ${at} AND day = ${day} AND rules = ${key}
      ORDER BY at DESC LIMIT 1`.execute(this.db)
    return rows[0] ? checkpointOf(rows[0]) : null
  }

  /** The latest checkpoint counted by rules `key`, or null. */
  async latest(namespace: string, key: string): Promise<Checkpoint | null> {
    const { rows } = await sql<CheckpointRow>`SELECT at, day, counts FROM floor_checkpoints
      WHERE namespace = ${namespace} AND rules = ${key} ORDER BY at DESC LIMIT 1`.execute(this.db)
    return rows[0] ? checkpointOf(rows[0]) : null
  }

  /** When the tenant's first stored call ended, or null without any. */
  async firstCallEnd(namespace: string): Promise<number | null> {
    const { rows } = await sql<{ first: number | string | null }>`SELECT MIN(end_time) AS first
      FROM calls WHERE namespace = ${namespace}`.execute(this.db)
    const first = rows[0]?.first
    return first === null || first === undefined ? null : Number(first)
  }

  /** Keeps a checkpoint (one counted again replaces it). */
  async write(namespace: string, c: Checkpoint, key: string): Promise<void> {
    const counts = JSON.stringify(c.groups)
    await sql`INSERT INTO floor_checkpoints (namespace, at, day, rules, counts)
      VALUES (${namespace}, ${c.at}, ${c.day}, ${key}, ${counts})
      ON CONFLICT (namespace, at) DO UPDATE SET day = excluded.day, rules = excluded.rules,
        counts = excluded.counts`.execute(this.db)
  }

  /** Deletes the checkpoints of moments before `before` (epoch ms); returns how many. */
  async prune(before: number): Promise<number> {
    const result = await sql`DELETE FROM floor_checkpoints WHERE at < ${before}`.execute(this.db)
    return Number(result.numAffectedRows ?? 0n)
  }
}

interface CheckpointRow {
  at: number | string
  day: string
  counts: string
}

function checkpointOf(r: CheckpointRow): Checkpoint {
  return { at: Number(r.at), day: r.day, groups: JSON.parse(r.counts) as Group[] }
}

/** Two countings of the same day, one after the other, as one. */
export function mergeGroups(a: readonly Group[], b: readonly Group[]): Group[] {
  const out = new Map<string, Group>()
  for (const g of [...a, ...b]) {
    const key = JSON.stringify(g.slice(0, 5))
    const held = out.get(key)
    if (!held) {
      out.set(key, [...g])
      continue
    }
    for (const i of [5, 6, 7, 8] as const) held[i] += g[i]
    held[9] = Math.max(held[9], g[9])
  }
  return [...out.values()]
}

function emptyCounts(): CallCounts {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    answeredInThreshold: 0,
    answeredQueueSec: 0,
    longestQueueSec: 0,
    outbound: 0,
  }
}

/** Counts a group of like calls as DayFigures.add counts each of them. */
function addGroup(c: CallCounts, g: Group): void {
  const [skillId, , callType, abandon, picked, calls, short, inThreshold, queueSec, longest] = g
  if (callType !== null && isOutbound({ callType })) {
    c.outbound += calls
    return
  }
  if (skillId === null) return
  c.offered += calls
  c.longestQueueSec = Math.max(c.longestQueueSec, longest)
  if (abandon === 1) {
    c.abandoned += calls
    c.shortAbandoned += short
  } else if (picked === 1) {
    c.answered += calls
    c.answeredQueueSec += queueSec
    c.answeredInThreshold += inThreshold
  }
}
