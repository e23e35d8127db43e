import path from 'node:path'
import Database from 'better-sqlite3'
import { platformDay } from '@/shared/platform-time'
import { agentStateEventSchema, callEndEventSchema } from '@/shared/webhooks'
import { viewOf } from '../../server/agents/agents.store'
import { summaryOf } from '../../server/day-calls/calls.store'
import { compactStore } from '../../server/db/compact-store.migration'
import { MIGRATIONS } from '../../server/db/migrations'

/**
 * The baseline: the same webhooks stored as the release before the compact store did, in its
 * schema (every migration before `compactStore`) and with its statements: one row per agent
 * event with every field as text, and per call the summary as JSON beside the platform's body.
 * Written in this process; the bytes on disk do not depend on which process writes them.
 */
export function writePreviousStore(dir: string, bodies: string[], timeZone: string): string {
  const file = path.join(dir, 'previous.db')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const version = MIGRATIONS.indexOf(compactStore)
  db.transaction(() => {
    for (const step of MIGRATIONS.slice(0, version)) {
      if (typeof step !== 'string') throw new Error('a migration before the compact store is code')
      db.exec(step)
    }
    db.pragma(`user_version = ${version}`)
  })()
  const insertEvent = db.prepare(`
    INSERT INTO agent_events (namespace, agent_id, serial, name, ac_state, ac_state_raw,
      last_ac_state, state_change_time, call_id, channel_addr, skills, work_skill, org_id,
      org_name, org_tree_pos, reason, received_at)
    VALUES (@namespace, @id, @serial, @name, @acState, @acStateRaw, @lastACState, @stateSince,
      @callId, @channelAddr, @skills, @workSkill, @orgId, @orgName, @orgTreePos, @reason,
      @receivedAt)
    ON CONFLICT (namespace, agent_id, state_change_time, serial) DO NOTHING`)
  const insertCall = db.prepare(`
    INSERT INTO calls (namespace, call_id, end_time, day, summary, payload, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (namespace, call_id) DO NOTHING`)
  const agentSchema = agentStateEventSchema(timeZone)
  const callSchema = callEndEventSchema(timeZone)
  // The department a call is filed under is its agent's, as the relay knows it then.
  const treePos = new Map<string, string | null>()
  // Written in batches, as the relay's group commit does.
  const BATCH = 50
  for (let i = 0; i < bodies.length; i += BATCH) {
    db.transaction(() => {
      for (const body of bodies.slice(i, i + BATCH)) {
        const receivedAt = Date.now()
        const value = JSON.parse(body) as { eventName: string }
        if (value.eventName === 'callEnd') {
          const e = callSchema.parse(value)
          const summary = summaryOf(e, e.agentId ? (treePos.get(e.agentId) ?? null) : null)
          const day = platformDay(summary.endTime ?? receivedAt, timeZone)
          insertCall.run(
            summary.namespace,
            summary.callId,
            summary.endTime,
            day,
            JSON.stringify(summary),
            body,
            receivedAt,
          )
        } else {
          const v = viewOf(agentSchema.parse(value), receivedAt)
          treePos.set(v.id, v.org.treePos)
          insertEvent.run({
            ...v,
            skills: JSON.stringify(v.skills),
            orgId: v.org.id,
            orgName: v.org.name,
            orgTreePos: v.org.treePos,
            receivedAt,
          })
        }
      }
    })()
  }
  db.close()
  return file
}
