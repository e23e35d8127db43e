import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AC_STATES } from '../../src/shared/ac-state'
import { formatEventTime } from '../../src/shared/platform-time'
import { describeIssues } from '../../src/shared/validation'
import type { Call, CallRecord } from './call-model'
import type { CstaLog } from './csta-log'
import type { RecordingAudio } from './recording-audio'
import { hasRecording, recordingIdOf } from './recordings'
import type { Simulator } from './simulator'

export interface SimRoutesDeps {
  sim: Simulator
  timeZone: string
  cstaLog: CstaLog
  audio: RecordingAudio
}

const agentsQuerySchema = z.strictObject({
  state: z.enum(AC_STATES).optional(),
  skill: z.string().min(1).optional(),
})
const limitQuery = (fallback: number, max: number) =>
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(max).default(fallback),
  })
const callsQuery = limitQuery(20, 1_000)
const cstaLogQuery = limitQuery(100, 1_000)

/**
 * The simulator's own API, a look inside for tests, benchmarks and curious humans: health,
 * stats, agents, the calls it ran (to pick one whose CDR or recording to fetch), a call's
 * listeners and conference, and the CSTA requests it received.
 */
export function registerSimRoutes(app: FastifyInstance, deps: SimRoutesDeps): void {
  const { sim, timeZone } = deps
  const time = (ms: number | null) => (ms === null ? null : formatEventTime(ms, timeZone))

  app.get('/sim/health', () => ({ ok: true }))

  app.get('/sim/stats', () => ({ ...sim.stats(), audioCache: deps.audio.cached }))

  app.get('/sim/agents', (request, reply) => {
    const query = agentsQuerySchema.safeParse(request.query)
    if (!query.success) return reply.code(400).send({ error: describeIssues(query.error) })
    const { state, skill } = query.data
    return sim.center.agents
      .filter(
        (a) =>
          (state === undefined || a.state === state) &&
          (skill === undefined || a.skills.includes(skill)),
      )
      .map((a) => ({
        id: a.id,
        name: a.name,
        extension: a.extension,
        skills: a.skills,
        org: a.org,
        acState: a.state,
        stateSince: formatEventTime(a.stateSince, timeZone),
        reason: a.reason,
        callId: a.callId,
        workSkill: a.workSkill,
      }))
  })

  const ended = (r: CallRecord) => ({
    callId: r.callId,
    active: false,
    callType: r.callType,
    agentId: r.agentId,
    deviceId: r.deviceId,
    startTime: time(r.startTime),
    answerTime: time(r.answerTime),
    endTime: time(r.endTime),
    talkLength: r.talkLength,
    endReason: r.endReason,
    hangupDevice: r.hangupDevice,
    conferenced: r.conferenced,
    transferred: r.transferred,
    listeners: r.listeners,
    hasRecording: hasRecording(r),
    recordingId: hasRecording(r) ? recordingIdOf(r.callId) : null,
  })
  const running = (c: Call) => ({
    callId: c.id,
    active: true,
    callType: c.type,
    phase: c.phase,
    agentId: c.agent?.id ?? null,
    deviceId: c.agent?.extension ?? null,
    startTime: time(c.startTime),
    answerTime: time(c.answerTime),
    listeners: c.listeners,
    conferees: c.conferees,
    takenBy: c.takenBy,
  })

  const fixtureBody = z.object({
    talkSec: z
      .number()
      .min(1)
      .max(4 * 3600)
      .default(3600),
  })

  /** The latest calls to end, newest first. */
  app.get('/sim/calls', (request, reply) => {
    const query = callsQuery.safeParse(request.query)
    if (!query.success) return reply.code(400).send({ error: describeIssues(query.error) })
    return sim.callLog.latest(query.data.limit).reverse().map(ended)
  })

  /** Records a finished call of `talkSec` seconds (with its recording) and answers its ids. */
  app.post('/sim/fixtures/calls', (request, reply) => {
    const body = fixtureBody.safeParse(request.body ?? {})
    if (!body.success) return reply.code(400).send({ error: describeIssues(body.error) })
    const record = sim.center.recordFinishedCall(body.data.talkSec)
    return reply.code(201).send(ended(record))
  })

  /** A call in progress (with its listeners and conferees), else one that ended. */
  app.get<{ Params: { callId: string } }>('/sim/calls/:callId', (request, reply) => {
    const { callId } = request.params
    const call = sim.center.call(callId)
    if (call) return running(call)
    const record = sim.callLog.get(callId)
    if (record) return ended(record)
    return reply.code(404).send({ error: `no call ${callId}` })
  })

  app.get('/sim/csta-log', (request, reply) => {
    const query = cstaLogQuery.safeParse(request.query)
    if (!query.success) return reply.code(400).send({ error: describeIssues(query.error) })
    return deps.cstaLog.latest(query.data.limit)
  })
}
