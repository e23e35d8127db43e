import { SERIAL_WIDTH } from '@/shared/serial'
import type { Db } from './database'

/*
 * Serials as text, and approximate state times.
 *
 * The platform's serial runs to 2^64 − 1 (20 digits); a BIGINT holds 2^63 − 1 and SQLite
 * turns a longer integer into a float, losing digits. Serials are now TEXT, zero-padded to 20
 * digits so that text order is number order (the timeline and the duplicate check sort by
 * them). A column with a numeric type would turn such text back into a number, so the columns
 * are made anew: the event log rebuilt (the serial is in its key), and `agents.latest_serial`
 * replaced by a new column (a table that others refer to is not rebuilt). Old rows keep their
 * serials, padded.
 *
 * `approx_time` marks an event whose state time the platform did not give (the relay took
 * the event's `timestamp` or its own time of receipt instead).
 *
 * Portability: plain SQL; `substr` of the padded text and ADD/DROP/RENAME COLUMN exist in
 * PostgreSQL too (lpad would be its idiom).
 */

const ZEROS = '0'.repeat(SERIAL_WIDTH)
const padded = (column: string) => `substr('${ZEROS}' || ${column}, length(${column}) + 1)`

export const EVENT_LOG_TABLE = `
  CREATE TABLE agent_event_log (
    agent              INTEGER NOT NULL,
    state_change_time  BIGINT  NOT NULL,
    serial             TEXT    NOT NULL,
    profile            INTEGER NOT NULL,
    state              INTEGER NOT NULL,
    call_id            TEXT,
    work_skill         TEXT,
    approx_time        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agent, state_change_time, serial)
  ) WITHOUT ROWID;
`

const EVENTS_VIEW = `
  CREATE VIEW agent_events AS
  SELECT a.namespace, a.agent_id, l.serial, p.name, s.ac_state, s.ac_state_raw, s.last_ac_state,
    l.state_change_time, l.approx_time, l.call_id, p.channel_addr, p.skills, l.work_skill,
    p.org_id, p.org_name, p.org_tree_pos, s.reason
  FROM agent_event_log l
  JOIN agents a ON a.id = l.agent
  JOIN agent_profiles p ON p.id = l.profile
  JOIN agent_states s ON s.id = l.state;
`

/** Converts stored serials to padded text and adds `approx_time`, keeping every event. */
export function textSerials(db: Db): void {
  db.exec(`
    DROP VIEW agent_events;
    ALTER TABLE agent_event_log RENAME TO agent_event_log_old;
    ${EVENT_LOG_TABLE}
    INSERT INTO agent_event_log (agent, state_change_time, serial, profile, state, call_id, work_skill)
    SELECT agent, state_change_time, ${padded('serial')}, profile, state, call_id, work_skill
    FROM agent_event_log_old;
    DROP TABLE agent_event_log_old;

    ALTER TABLE agents ADD COLUMN latest_serial_text TEXT;
    UPDATE agents SET latest_serial_text = ${padded('latest_serial')}
      WHERE latest_serial IS NOT NULL;
    ALTER TABLE agents DROP COLUMN latest_serial;
    ALTER TABLE agents RENAME COLUMN latest_serial_text TO latest_serial;
    ${EVENTS_VIEW}
  `)
}
