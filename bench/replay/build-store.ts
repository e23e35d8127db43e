import pg from 'pg'
import { platformDay } from '@/shared/platform-time'
import { storedSerial } from '@/shared/serial'
import type { Db } from '../../server/db/database'

/*
 * A relay's store as 14 days of a large floor leave it, written directly in bulk (posting the
 * webhooks would take hours): every agent's events spread over every day, and the calls they
 * took beside the callers who gave up.
 */

export interface ReplayStoreShape {
  namespace: string
  timeZone: string
  agents: number
  days: number
  /** Agent events per agent per day (one every 24 h ÷ this). */
  eventsPerAgentDay: number
  /** Calls per agent per day: the ones the events take, then others (1 in 10 abandoned). */
  callsPerAgentDay: number
  /** The latest event and call are before this, epoch ms. */
  endAt: number
}

const SKILLS = 8
const DEPARTMENTS = 10
// The states the agents go through, in turn: a call takes the talking and after-call states.
const CYCLE = ['Available', 'InboundTalking', 'Acw', 'Available', 'Aux', 'InboundTalking', 'Acw']
const STATES = ['Available', 'InboundTalking', 'Acw', 'Aux', 'LogOut'] as const
const DAY_MS = 24 * 60 * 60 * 1000

interface Tables {
  agents: { id: number; agentId: string; latestTime: number; latestSerial: string }[]
  profiles: { id: number; agent: number; name: string; orgTreePos: string; skill: string }[]
  /** Rows of agent_event_log, column by column. */
  events: {
    agent: number[]
    time: number[]
    serial: string[]
    profile: number[]
    state: number[]
    callId: (string | null)[]
    workSkill: (string | null)[]
  }
  calls: (string | number | null)[][]
}

export const CALL_COLUMNS = [
  'namespace',
  'call_id',
  'day',
  'received_at',
  'call_type',
  'ani',
  'customer_phone',
  'agent_id',
  'skill_id',
  'start_time',
  'answer_time',
  'end_time',
  'queue_sec',
  'talk_sec',
  'end_reason',
  'org_tree_pos',
] as const

/** Every row of the store, generated (deterministic: the same shape gives the same rows). */
function generate(s: ReplayStoreShape): Tables {
  const start = s.endAt - s.days * DAY_MS + 10 * 60_000
  const span = s.endAt - 60_000 - start
  const eventStep = DAY_MS / s.eventsPerAgentDay
  const totalEvents = Math.floor(span / eventStep)
  const t: Tables = {
    agents: [],
    profiles: [],
    events: { agent: [], time: [], serial: [], profile: [], state: [], callId: [], workSkill: [] },
    calls: [],
  }
  let serial = 1_000_000
  let callNo = 0
  const call = (agentIdx: number, skill: string, org: string, end: number, abandoned: boolean) => {
    callNo += 1
    const queueSec = (callNo * 7) % 45
    const startTime = end - 180_000
    t.calls.push([
      s.namespace,
      `call-${callNo}`,
      platformDay(end, s.timeZone),
      end + 500,
      'Inbound',
      `1380000${String(callNo % 100_000).padStart(5, '0')}`,
      `1380000${String(callNo % 100_000).padStart(5, '0')}`,
      abandoned ? null : `a${agentIdx}@${s.namespace}`,
      skill,
      startTime,
      abandoned ? null : startTime + queueSec * 1000,
      end,
      queueSec,
      abandoned ? null : 150,
      abandoned ? 'QueueAbandon' : 'CustomerHangup',
      abandoned ? null : org,
    ])
    return `call-${callNo}`
  }
  for (let i = 0; i < s.agents; i++) {
    const id = i + 1
    const skill = `${7000 + (i % SKILLS)}@${s.namespace}`
    const org = `1.${1 + (i % DEPARTMENTS)}`
    t.profiles.push({ id, agent: id, name: `坐席 ${i}`, orgTreePos: org, skill })
    // Each agent's events are offset, so the floor's changes are spread over the hour.
    const offset = ((i * 7919) % 1000) / 1000
    let openCall: string | null = null
    let last = { time: 0, serial: '' }
    for (let k = 0; k < totalEvents; k++) {
      const time = Math.round(start + (k + offset) * eventStep)
      const acState = CYCLE[k % CYCLE.length]!
      let callId: string | null = null
      if (acState === 'InboundTalking') {
        openCall = `pending-${i}`
        callId = openCall
      } else if (acState === 'Acw' && openCall) {
        callId = openCall
      }
      serial += 1
      const stored = storedSerial(String(serial))
      t.events.agent.push(id)
      t.events.time.push(time)
      t.events.serial.push(stored)
      t.events.profile.push(id)
      t.events.state.push(STATES.indexOf(acState as (typeof STATES)[number]) + 1)
      t.events.callId.push(callId)
      t.events.workSkill.push(acState === 'InboundTalking' ? skill : null)
      last = { time, serial: stored }
      if (acState === 'Acw' && openCall) {
        // The call ends as after-call work begins: name the talking and after-call rows by it.
        const real = call(i, skill, org, time, false)
        const n = t.events.callId.length
        t.events.callId[n - 1] = real
        t.events.callId[n - 2] = real
        openCall = null
      }
    }
    t.agents.push({
      id,
      agentId: `a${i}@${s.namespace}`,
      latestTime: last.time,
      latestSerial: last.serial,
    })
  }
  // The other calls of each day: answered by the floor at large, 1 in 10 abandoned.
  const taken = t.calls.length
  const wanted = Math.floor((s.agents * s.callsPerAgentDay * span) / DAY_MS)
  const extra = Math.max(0, wanted - taken)
  for (let n = 0; n < extra; n++) {
    const agentIdx = n % s.agents
    const end = Math.round(start + ((n + 0.5) / extra) * span)
    call(
      agentIdx,
      `${7000 + (n % SKILLS)}@${s.namespace}`,
      `1.${1 + (agentIdx % DEPARTMENTS)}`,
      end,
      n % 10 === 0,
    )
  }
  t.calls.sort((a, b) => (a[11] as number) - (b[11] as number))
  return t
}

export interface Built {
  agentEvents: number
  calls: number
  seconds: number
}

/** Writes the store into an embedded database (already migrated, empty). */
export function buildSqlite(db: Db, shape: ReplayStoreShape): Built {
  const started = Date.now()
  const t = generate(shape)
  const ns = shape.namespace
  db.transaction(() => {
    const agent = db.prepare(
      'INSERT INTO agents (id, namespace, agent_id, latest_time, latest_serial) VALUES (?, ?, ?, ?, ?)',
    )
    for (const a of t.agents) agent.run(a.id, ns, a.agentId, a.latestTime, a.latestSerial)
    const profile = db.prepare(
      `INSERT INTO agent_profiles (id, agent, name, org_id, org_name, org_tree_pos, skills, channel_addr)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const p of t.profiles)
      profile.run(
        p.id,
        p.agent,
        p.name,
        `org-${p.orgTreePos}`,
        `部门 ${p.orgTreePos}`,
        p.orgTreePos,
        JSON.stringify([p.skill]),
        null,
      )
    const state = db.prepare('INSERT INTO agent_states (id, ac_state) VALUES (?, ?)')
    STATES.forEach((s, i) => state.run(i + 1, s))
    const event = db.prepare(
      `INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id, work_skill)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const e = t.events
    for (let i = 0; i < e.agent.length; i++)
      event.run(
        e.agent[i],
        e.time[i],
        e.serial[i],
        e.profile[i],
        e.state[i],
        e.callId[i],
        e.workSkill[i],
      )
    const call = db.prepare(
      `INSERT INTO calls (${CALL_COLUMNS.join(', ')}) VALUES (${CALL_COLUMNS.map(() => '?').join(', ')})`,
    )
    for (const c of t.calls) call.run(...c)
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('ANALYZE')
  return {
    agentEvents: t.events.agent.length,
    calls: t.calls.length,
    seconds: (Date.now() - started) / 1000,
  }
}

// Rows per INSERT … SELECT FROM unnest(…) on PostgreSQL.
const PG_CHUNK = 20_000

/** Writes the store into a PostgreSQL schema (already migrated, empty). */
export async function buildPostgres(url: string, shape: ReplayStoreShape): Promise<Built> {
  const started = Date.now()
  const t = generate(shape)
  const ns = shape.namespace
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query(
      `INSERT INTO agents (id, namespace, agent_id, latest_time, latest_serial)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[])`,
      [
        t.agents.map((a) => a.id),
        t.agents.map(() => ns),
        t.agents.map((a) => a.agentId),
        t.agents.map((a) => a.latestTime),
        t.agents.map((a) => a.latestSerial),
      ],
    )
    await client.query(
      `INSERT INTO agent_profiles (id, agent, name, org_id, org_name, org_tree_pos, skills)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        t.profiles.map((p) => p.id),
        t.profiles.map((p) => p.agent),
        t.profiles.map((p) => p.name),
        t.profiles.map((p) => `org-${p.orgTreePos}`),
        t.profiles.map((p) => `部门 ${p.orgTreePos}`),
        t.profiles.map((p) => p.orgTreePos),
        t.profiles.map((p) => JSON.stringify([p.skill])),
      ],
    )
    await client.query(
      'INSERT INTO agent_states (id, ac_state) SELECT * FROM unnest($1::bigint[], $2::text[])',
      [STATES.map((_, i) => i + 1), [...STATES]],
    )
    const e = t.events
    for (let from = 0; from < e.agent.length; from += PG_CHUNK) {
      const part = <T>(col: T[]) => col.slice(from, from + PG_CHUNK)
      await client.query(
        `INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id, work_skill)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])`,
        [
          part(e.agent),
          part(e.time),
          part(e.serial),
          part(e.profile),
          part(e.state),
          part(e.callId),
          part(e.workSkill),
        ],
      )
    }
    const types = [
      'text',
      'text',
      'text',
      'bigint',
      'text',
      'text',
      'text',
      'text',
      'text',
      'bigint',
      'bigint',
      'bigint',
      'float8',
      'float8',
      'text',
      'text',
    ]
    for (let from = 0; from < t.calls.length; from += PG_CHUNK) {
      const rows = t.calls.slice(from, from + PG_CHUNK)
      await client.query(
        `INSERT INTO calls (${CALL_COLUMNS.join(', ')})
         SELECT * FROM unnest(${types.map((ty, i) => `$${i + 1}::${ty}[]`).join(', ')})`,
        CALL_COLUMNS.map((_, i) => rows.map((r) => r[i])),
      )
    }
    // The tables' id sequences go on after the rows given here.
    for (const table of ['agents', 'agent_profiles', 'agent_states'])
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`,
      )
    await client.query('COMMIT')
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
  return {
    agentEvents: t.events.agent.length,
    calls: t.calls.length,
    seconds: (Date.now() - started) / 1000,
  }
}
