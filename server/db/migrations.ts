import type { Db } from './database'
import { compactStore } from './compact-store.migration'
import { textSerials } from './text-serials.migration'

/** A migration: SQL to run, or a step that needs code (it runs in the same transaction). */
export type Migration = string | ((db: Db) => void)

/**
 * Schema migrations, applied in order once each (tracked by SQLite's user_version).
 * Kept to portable SQL (no SQLite-only types or functions) so PostgreSQL can follow:
 * times are epoch milliseconds in BIGINT, JSON is TEXT.
 */
export const MIGRATIONS: readonly Migration[] = [
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
  `
  CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    username             TEXT    NOT NULL UNIQUE,
    password_hash        TEXT    NOT NULL,
    role                 TEXT    NOT NULL,
    namespace            TEXT    NOT NULL,
    org_prefix           TEXT,
    skills               TEXT,
    disabled             INTEGER NOT NULL DEFAULT 0,
    device_id            TEXT,
    phone_number         TEXT,
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL
  );

  CREATE TABLE kiosk_links (
    id            INTEGER PRIMARY KEY,
    token_hash    TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    namespace     TEXT    NOT NULL,
    org_prefix    TEXT,
    skills        TEXT,
    created_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT  NOT NULL,
    revoked_at    BIGINT,
    last_used_at  BIGINT
  );

  CREATE TABLE sessions (
    id            TEXT    PRIMARY KEY,
    user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    kiosk_id      INTEGER REFERENCES kiosk_links (id) ON DELETE CASCADE,
    csrf          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    last_seen_at  BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    ip            TEXT,
    user_agent    TEXT
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_kiosk ON sessions (kiosk_id);
  `,
  `
  CREATE TABLE audit_log (
    id                 INTEGER PRIMARY KEY,
    at                 BIGINT  NOT NULL,
    user_id            INTEGER,
    username           TEXT    NOT NULL,
    namespace          TEXT    NOT NULL,
    agent_id           TEXT    NOT NULL,
    device_id          TEXT,
    call_id            TEXT,
    op                 TEXT    NOT NULL,
    reason             TEXT,
    supervisor_device  TEXT,
    outcome            TEXT    NOT NULL,
    status             INTEGER NOT NULL,
    upstream_status    INTEGER,
    message            TEXT,
    latency_ms         INTEGER
  );
  CREATE INDEX audit_log_by_time ON audit_log (namespace, at);
  `,
  `
  CREATE TABLE recordings (
    namespace    TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    call_id      TEXT    NOT NULL,
    info         TEXT    NOT NULL,
    seen_at      BIGINT  NOT NULL,
    PRIMARY KEY (namespace, id)
  );
  CREATE INDEX recordings_by_call ON recordings (namespace, call_id);
  `,
  `
  CREATE TABLE settings (
    namespace    TEXT    PRIMARY KEY,
    value        TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT
  );

  CREATE TABLE saved_views (
    id           INTEGER PRIMARY KEY,
    namespace    TEXT    NOT NULL,
    owner_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    owner_name   TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    query        TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL
  );
  CREATE INDEX saved_views_by_namespace ON saved_views (namespace, name);
  `,
  // Events keyed by (agent, state change time, serial): the timeline's own order, so one
  // index serves both the duplicate check and the timeline, and each webhook updates one
  // index fewer (the write costs half as much).
  `
  CREATE TABLE agent_events_next (
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
    PRIMARY KEY (namespace, agent_id, state_change_time, serial)
  );
  INSERT INTO agent_events_next (namespace, agent_id, serial, name, ac_state, ac_state_raw,
    last_ac_state, state_change_time, call_id, channel_addr, skills, work_skill, org_id,
    org_name, org_tree_pos, reason, received_at)
  SELECT namespace, agent_id, serial, name, ac_state, ac_state_raw, last_ac_state,
    state_change_time, call_id, channel_addr, skills, work_skill, org_id, org_name,
    org_tree_pos, reason, received_at
  FROM agent_events;
  DROP TABLE agent_events;
  ALTER TABLE agent_events_next RENAME TO agent_events;
  CREATE INDEX agent_events_by_received ON agent_events (received_at);
  `,
  // Addresses each user signed in from (IPv6 by /64): sign-in attempts from them are throttled
  // on their own, so an attacker elsewhere cannot lock the user out.
  `
  CREATE TABLE known_addresses (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address      TEXT    NOT NULL,
    last_at      BIGINT  NOT NULL,
    PRIMARY KEY (user_id, address)
  );
  `,
  // Webhook tokens admins mint per tenant; only a hash of each is kept. The admin's name is
  // copied so the list still says who minted a token after the account is gone.
  `
  CREATE TABLE webhook_tokens (
    id               INTEGER PRIMARY KEY,
    token_hash       TEXT    NOT NULL UNIQUE,
    name             TEXT    NOT NULL,
    namespace        TEXT    NOT NULL,
    created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_by_name  TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    revoked_at       BIGINT,
    last_used_at     BIGINT
  );
  CREATE INDEX webhook_tokens_by_namespace ON webhook_tokens (namespace, created_at);
  `,
  // Agent events and calls stored compactly (no repeated names, departments, skills or JSON),
  // and the platform's raw callEnd body no longer kept: see compact-store.migration.ts.
  compactStore,
  // Webhook bodies refused after the token check (kept whole for admins to see and replay;
  // `body` is empty when one was too large to read; a body sent again, as the platform retries
  // a callEnd, is counted in `times` rather than kept twice), how many the bound dropped per tenant,
  // and, with WEBHOOK_CAPTURE on, every admitted body as received. The body comes last: the
  // bound sums the columns before it without reading a long body's overflow pages.
  `
  CREATE TABLE webhook_quarantine (
    id             INTEGER PRIMARY KEY,
    namespace      TEXT    NOT NULL,
    received_at    BIGINT  NOT NULL,
    event_name     TEXT,
    status         INTEGER NOT NULL,
    bytes          BIGINT,
    body_kept      INTEGER NOT NULL,
    body_hash      TEXT,
    times          INTEGER NOT NULL,
    last_at        BIGINT  NOT NULL,
    replayed_at    BIGINT,
    replayed_by    TEXT,
    replay_result  TEXT,
    reason         TEXT    NOT NULL,
    body           TEXT    NOT NULL
  );
  CREATE INDEX webhook_quarantine_by_namespace ON webhook_quarantine (namespace, id);
  CREATE INDEX webhook_quarantine_by_body ON webhook_quarantine (namespace, body_hash);
  CREATE INDEX webhook_quarantine_by_received ON webhook_quarantine (received_at);

  CREATE TABLE webhook_quarantine_drops (
    namespace    TEXT    PRIMARY KEY,
    dropped      BIGINT  NOT NULL
  );

  CREATE TABLE webhook_capture (
    id           INTEGER PRIMARY KEY,
    namespace    TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    status       INTEGER NOT NULL,
    bytes        BIGINT,
    body_kept    INTEGER NOT NULL,
    body         TEXT    NOT NULL
  );
  CREATE INDEX webhook_capture_by_received ON webhook_capture (received_at);
  `,
  // Serials up to 2^64 − 1 as padded text, and events whose state time is approximate: see
  // text-serials.migration.ts.
  textSerials,
  // Names admins give skill groups (shown instead of their ids everywhere).
  `
  CREATE TABLE skill_names (
    namespace    TEXT    NOT NULL,
    skill_id     TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT,
    PRIMARY KEY (namespace, skill_id)
  );
  `,
  // Each user's own settings of the console (the floor's density), one small JSON object.
  `
  CREATE TABLE user_preferences (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    value        TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL
  );
  `,
  // Outbound: each tenant's outbound settings, the campaigns each user launched instant calls
  // with (for the form's suggestions), and the call lists uploaded.
  `
  CREATE TABLE outbound_settings (
    namespace    TEXT    PRIMARY KEY,
    value        TEXT    NOT NULL,
    updated_at   BIGINT  NOT NULL,
    updated_by   TEXT
  );

  CREATE TABLE outbound_recent_activities (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    activity_id  TEXT    NOT NULL,
    used_at      BIGINT  NOT NULL,
    PRIMARY KEY (user_id, activity_id)
  );

  CREATE TABLE roster_uploads (
    id                  INTEGER PRIMARY KEY,
    namespace           TEXT    NOT NULL,
    batch_id            TEXT    NOT NULL,
    batch_name          TEXT    NOT NULL,
    alias               TEXT,
    template_id         TEXT,
    file_name           TEXT    NOT NULL,
    entries             INTEGER NOT NULL,
    duplicates_dropped  INTEGER NOT NULL,
    uploaded_at         BIGINT  NOT NULL,
    username            TEXT    NOT NULL
  );
  CREATE INDEX roster_uploads_by_time ON roster_uploads (namespace, uploaded_at);
  `,
  // Floor replay: each tenant's day of calls counted every few minutes (per skill group,
  // department and kind of call), so a past moment's figures add only the calls after the
  // nearest count instead of reading the whole day.
  `
  CREATE TABLE floor_checkpoints (
    namespace    TEXT    NOT NULL,
    at           BIGINT  NOT NULL,
    day          TEXT    NOT NULL,
    rules        TEXT    NOT NULL,
    counts       TEXT    NOT NULL,
    PRIMARY KEY (namespace, at)
  );
  `,
]
