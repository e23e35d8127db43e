import { isAcState } from '@/shared/ac-state'
import type { AgentView } from '@/shared/floor'
import type { Db } from '../db/database'

interface AgentEventRow {
  namespace: string
  agent_id: string
  serial: number
  name: string | null
  ac_state: string
  ac_state_raw: string | null
  last_ac_state: string | null
  state_change_time: number
  call_id: string | null
  channel_addr: string | null
  skills: string
  work_skill: string | null
  org_id: string | null
  org_name: string | null
  org_tree_pos: string | null
  reason: string | null
}

/** Stored agent events: the log the floor is rebuilt from after a restart, and the timeline. */
export class AgentsRepo {
  private readonly insertStmt
  private readonly pruneStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO agent_events (namespace, agent_id, serial, name, ac_state, ac_state_raw,
        last_ac_state, state_change_time, call_id, channel_addr, skills, work_skill, org_id,
        org_name, org_tree_pos, reason, received_at)
      VALUES (@namespace, @id, @serial, @name, @acState, @acStateRaw, @lastACState, @stateSince,
        @callId, @channelAddr, @skills, @workSkill, @orgId, @orgName, @orgTreePos, @reason,
        @receivedAt)
      ON CONFLICT (namespace, agent_id, state_change_time, serial) DO NOTHING`)
    this.pruneStmt = db.prepare('DELETE FROM agent_events WHERE received_at < ?')
  }

  /** Writes one event; false when the same (agent, serial, state change time) was stored before. */
  insert(view: AgentView, receivedAt: number): boolean {
    const info = this.insertStmt.run({
      namespace: view.namespace,
      id: view.id,
      serial: view.serial,
      name: view.name,
      acState: view.acState,
      acStateRaw: view.acStateRaw,
      lastACState: view.lastACState,
      stateSince: view.stateSince,
      callId: view.callId,
      channelAddr: view.channelAddr,
      skills: JSON.stringify(view.skills),
      workSkill: view.workSkill,
      orgId: view.org.id,
      orgName: view.org.name,
      orgTreePos: view.org.treePos,
      reason: view.reason,
      receivedAt,
    })
    return info.changes > 0
  }

  /**
   * The latest state of every agent: per agent the event with the highest serial, and among
   * equal serials the latest state change (the same order the live floor applies).
   */
  loadLatest(): AgentView[] {
    const rows = this.db
      .prepare(
        `SELECT e.* FROM agent_events e
         WHERE NOT EXISTS (
           SELECT 1 FROM agent_events n
           WHERE n.namespace = e.namespace AND n.agent_id = e.agent_id
             AND (n.serial > e.serial
                  OR (n.serial = e.serial AND n.state_change_time > e.state_change_time)))`,
      )
      .all() as AgentEventRow[]
    return rows.map(toView)
  }

  /**
   * An agent's events whose state began in [from, to), in the order they happened, preceded by
   * the last one before `from` (the state the agent was in when the range began).
   */
  eventsBetween(namespace: string, agentId: string, from: number, to: number): AgentView[] {
    const before = this.db
      .prepare(
        `SELECT * FROM agent_events WHERE namespace = ? AND agent_id = ? AND state_change_time < ?
         ORDER BY state_change_time DESC, serial DESC LIMIT 1`,
      )
      .all(namespace, agentId, from) as AgentEventRow[]
    const during = this.db
      .prepare(
        `SELECT * FROM agent_events WHERE namespace = ? AND agent_id = ? AND state_change_time >= ? AND state_change_time < ?
         ORDER BY state_change_time, serial`,
      )
      .all(namespace, agentId, from, to) as AgentEventRow[]
    return [...before, ...during].map(toView)
  }

  /** Deletes events received before `before` (epoch ms); returns how many. */
  prune(before: number): number {
    return this.pruneStmt.run(before).changes
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
    callId: r.call_id,
    channelAddr: r.channel_addr,
    skills: parseSkills(r.skills),
    workSkill: r.work_skill,
    org: { id: r.org_id, name: r.org_name, treePos: r.org_tree_pos },
    reason: r.reason,
    serial: Number(r.serial),
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
