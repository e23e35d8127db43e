/**
 * Schema migrations, applied in order once each (tracked by SQLite's user_version).
 * Kept to portable SQL (no SQLite-only types or functions) so PostgreSQL can follow:
 * times are epoch milliseconds in BIGINT, JSON is TEXT.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE agent_events (
    namespace          TEXT    NOT NULL,
    agent_id           TEXT    NOT NULL,
    serial             BIGINT  NOT NULL,
    name               TEXT,
    ac_state           TEXT    NOT NULL,
    ac_state_raw       TEXT,
    last_ac_state      TEXT,
    state_change_time  BIGINT  NOT NULL,
    call_id            TEXT,
    channel_addr       TEXT,
    skills             TEXT    NOT NULL,
    work_skill         TEXT,
    org_id             TEXT,
    org_name           TEXT,
    org_tree_pos       TEXT,
    reason             TEXT,
    received_at        BIGINT  NOT NULL,
    PRIMARY KEY (namespace, agent_id, serial, state_change_time)
  );
  CREATE INDEX agent_events_by_time ON agent_events (namespace, agent_id, state_change_time);
  CREATE INDEX agent_events_by_received ON agent_events (received_at);

  CREATE TABLE calls (
    namespace     TEXT    NOT NULL,
    call_id       TEXT    NOT NULL,
    end_time      BIGINT,
    day           TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    received_at   BIGINT  NOT NULL,
    PRIMARY KEY (namespace, call_id)
  );
  CREATE INDEX calls_by_day ON calls (namespace, day, end_time);
  `,
]
