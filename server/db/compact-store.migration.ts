import type { Db } from './database'

/*
 * The compact store. Each agent event used to repeat, as text, everything the platform says
 * about the agent (tenant, id, name, department, skills as JSON, extension) and its state
 * words, in a table keyed by text with a second index for pruning: about 260 bytes an event.
 * Each call kept its summary as JSON and the platform's whole callEnd body beside it: about
 * 4.2 KB a call. Now:
 *
 * - `agents`: one row per (tenant, agent id), with a pointer to the event the floor shows (the
 *   highest serial, then the latest state change), so a restart finds each agent's latest
 *   event at once instead of comparing every event with every other.
 * - `agent_profiles`: each distinct (name, department, skills, extension) an agent has had.
 * - `agent_states`: each distinct (state, the platform's word for an unknown one, previous
 *   state, reason).
 * - `agent_event_log`: per event only its key (agent, state change time, serial), the profile
 *   and state it had then, the call and the skill group of the call. WITHOUT ROWID: the table
 *   is its primary key's B-tree, so the key is stored once, not in a table and an index.
 *   Pruning goes by the event's own time along that key, so no index on arrival time.
 * - `agent_events`: a view with the old columns, for reading by hand.
 * - `calls`: the summary as columns (no JSON keys in every row). The raw callEnd body is not
 *   kept: nothing reads it, and the platform's CDR API serves the whole record.
 *
 * Portability: plain SQL types and INSERT … SELECT. WITHOUT ROWID is SQLite's table option
 * (PostgreSQL's tables are heaps with a separate primary-key index; leave it out there). The
 * log refers to profiles and states without FOREIGN KEY clauses: SQLite checks a deleted
 * parent by scanning the child table, which for the log would mean a full scan per pruned
 * profile; the repo keeps the references whole. Null-safe comparisons are spelt out
 * (`a = b OR (a IS NULL AND b IS NULL)`) because SQLite's `IS` and PostgreSQL's
 * `IS NOT DISTINCT FROM` differ. The old calls hold their summary as JSON text; it is read
 * here in code, not with SQLite's JSON functions.
 */

const same = (a: string, b: string) => `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`

export const AGENT_TABLES = `
  CREATE TABLE agents (
    id             INTEGER PRIMARY KEY,
    namespace      TEXT    NOT NULL,
    agent_id       TEXT    NOT NULL,
    latest_time    BIGINT,
    latest_serial  BIGINT,
    UNIQUE (namespace, agent_id)
  );

  CREATE TABLE agent_profiles (
    id            INTEGER PRIMARY KEY,
    agent         INTEGER NOT NULL REFERENCES agents (id),
    name          TEXT,
    org_id        TEXT,
    org_name      TEXT,
    org_tree_pos  TEXT,
    skills        TEXT    NOT NULL,
    channel_addr  TEXT
  );
  CREATE INDEX agent_profiles_by_agent ON agent_profiles (agent);

  CREATE TABLE agent_states (
    id             INTEGER PRIMARY KEY,
    ac_state       TEXT    NOT NULL,
    ac_state_raw   TEXT,
    last_ac_state  TEXT,
    reason         TEXT
  );
  CREATE INDEX agent_states_by_state ON agent_states (ac_state);

  CREATE TABLE agent_event_log (
    agent              INTEGER NOT NULL,
    state_change_time  BIGINT  NOT NULL,
    serial             BIGINT  NOT NULL,
    profile            INTEGER NOT NULL,
    state              INTEGER NOT NULL,
    call_id            TEXT,
    work_skill         TEXT,
    PRIMARY KEY (agent, state_change_time, serial)
  ) WITHOUT ROWID;
`

export const AGENT_EVENTS_VIEW = `
  CREATE VIEW agent_events AS
  SELECT a.namespace, a.agent_id, l.serial, p.name, s.ac_state, s.ac_state_raw, s.last_ac_state,
    l.state_change_time, l.call_id, p.channel_addr, p.skills, l.work_skill, p.org_id, p.org_name,
    p.org_tree_pos, s.reason
  FROM agent_event_log l
  JOIN agents a ON a.id = l.agent
  JOIN agent_profiles p ON p.id = l.profile
  JOIN agent_states s ON s.id = l.state;
`

const CONVERT_AGENT_EVENTS = `
  INSERT INTO agents (namespace, agent_id)
  SELECT DISTINCT namespace, agent_id FROM agent_events_old ORDER BY namespace, agent_id;

  INSERT INTO agent_profiles (agent, name, org_id, org_name, org_tree_pos, skills, channel_addr)
  SELECT DISTINCT a.id, e.name, e.org_id, e.org_name, e.org_tree_pos, e.skills, e.channel_addr
  FROM agent_events_old e JOIN agents a ON a.namespace = e.namespace AND a.agent_id = e.agent_id;

  INSERT INTO agent_states (ac_state, ac_state_raw, last_ac_state, reason)
  SELECT DISTINCT ac_state, ac_state_raw, last_ac_state, reason FROM agent_events_old;

  INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id, work_skill)
  SELECT a.id, e.state_change_time, e.serial, p.id, s.id, e.call_id, e.work_skill
  FROM agent_events_old e
  JOIN agents a ON a.namespace = e.namespace AND a.agent_id = e.agent_id
  JOIN agent_profiles p ON p.agent = a.id AND ${same('p.name', 'e.name')}
    AND ${same('p.org_id', 'e.org_id')} AND ${same('p.org_name', 'e.org_name')}
    AND ${same('p.org_tree_pos', 'e.org_tree_pos')} AND p.skills = e.skills
    AND ${same('p.channel_addr', 'e.channel_addr')}
  JOIN agent_states s ON s.ac_state = e.ac_state AND ${same('s.ac_state_raw', 'e.ac_state_raw')}
    AND ${same('s.last_ac_state', 'e.last_ac_state')} AND ${same('s.reason', 'e.reason')}
  ORDER BY a.id, e.state_change_time, e.serial;

  UPDATE agents SET latest_serial =
    (SELECT MAX(serial) FROM agent_event_log l WHERE l.agent = agents.id);
  UPDATE agents SET latest_time =
    (SELECT MAX(state_change_time) FROM agent_event_log l
     WHERE l.agent = agents.id AND l.serial = agents.latest_serial);

  DROP TABLE agent_events_old;
`

export const CALLS_TABLE = `
  CREATE TABLE calls (
    namespace       TEXT    NOT NULL,
    call_id         TEXT    NOT NULL,
    day             TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    call_type       TEXT,
    ani             TEXT,
    dnis            TEXT,
    customer_phone  TEXT,
    agent_id        TEXT,
    device_id       TEXT,
    skill_id        TEXT,
    start_time      BIGINT,
    answer_time     BIGINT,
    end_time        BIGINT,
    queue_sec       DOUBLE PRECISION,
    talk_sec        DOUBLE PRECISION,
    end_reason      TEXT,
    hangup_cause    TEXT,
    hangup_device   TEXT,
    conferenced     BOOLEAN,
    transferred     BOOLEAN,
    org_tree_pos    TEXT,
    PRIMARY KEY (namespace, call_id)
  );
  CREATE INDEX calls_by_day ON calls (day, end_time);
`

/** The columns of `calls` after its key, in the order `callColumns` gives their values. */
export const CALL_COLUMNS = [
  'day',
  'received_at',
  'call_type',
  'ani',
  'dnis',
  'customer_phone',
  'agent_id',
  'device_id',
  'skill_id',
  'start_time',
  'answer_time',
  'end_time',
  'queue_sec',
  'talk_sec',
  'end_reason',
  'hangup_cause',
  'hangup_device',
  'conferenced',
  'transferred',
  'org_tree_pos',
] as const

type Value = string | number | null

/** A stored call summary (the old JSON, or a CallSummary) as the values of CALL_COLUMNS. */
export function callColumns(s: Record<string, unknown>, day: string, receivedAt: number): Value[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  const num = (v: unknown) => (typeof v === 'number' ? v : null)
  const bool = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : null)
  return [
    day,
    receivedAt,
    text(s.callType),
    text(s.ani),
    text(s.dnis),
    text(s.customerPhone),
    text(s.agentId),
    text(s.deviceId),
    text(s.skillId),
    num(s.startTime),
    num(s.answerTime),
    num(s.endTime),
    num(s.queueSec),
    num(s.talkSec),
    text(s.endReason),
    text(s.hangupCause),
    text(s.hangupDevice),
    bool(s.conferenced),
    bool(s.transferred),
    text(s.orgTreePos),
  ]
}

// Old calls are copied this many at a time (each page is read whole before it is written).
const CALLS_PAGE = 2_000

function convertCalls(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO calls (namespace, call_id, ${CALL_COLUMNS.join(', ')})
     VALUES (?, ?, ${CALL_COLUMNS.map(() => '?').join(', ')})`,
  )
  const first = db.prepare(
    `SELECT namespace, call_id, day, received_at, summary FROM calls_old
     ORDER BY namespace, call_id LIMIT ${CALLS_PAGE}`,
  )
  const after = db.prepare(
    `SELECT namespace, call_id, day, received_at, summary FROM calls_old
     WHERE namespace > ? OR (namespace = ? AND call_id > ?)
     ORDER BY namespace, call_id LIMIT ${CALLS_PAGE}`,
  )
  type Row = {
    namespace: string
    call_id: string
    day: string
    received_at: number
    summary: string
  }
  let page = first.all() as Row[]
  while (page.length > 0) {
    for (const r of page) {
      const summary = JSON.parse(r.summary) as Record<string, unknown>
      insert.run(r.namespace, r.call_id, ...callColumns(summary, r.day, Number(r.received_at)))
    }
    const last = page.at(-1)!
    page = after.all(last.namespace, last.namespace, last.call_id) as Row[]
  }
}

/** Converts agent events and calls to the compact store, in place, keeping every value. */
export function compactStore(db: Db): void {
  db.exec(`
    ALTER TABLE agent_events RENAME TO agent_events_old;
    DROP INDEX agent_events_by_received;
    ${AGENT_TABLES}
    ${CONVERT_AGENT_EVENTS}
    ${AGENT_EVENTS_VIEW}
    ALTER TABLE calls RENAME TO calls_old;
    DROP INDEX calls_by_day;
    ${CALLS_TABLE}
  `)
  convertCalls(db)
  db.exec('DROP TABLE calls_old')
}
