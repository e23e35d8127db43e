import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  audioQuerySchema,
  callsQuerySchema,
  RECORDING_FORMAT_HEADER,
  type RecordingFormat,
  robotCallsQuerySchema,
} from '@/shared/cdr'
import { formatQueryTime } from '@/shared/platform-time'
import { describeIssues } from '@/shared/validation'
import { principalOf } from '../auth/auth.hooks'
import type { FailureAnswer } from '../platform/platform-messages'
import { failureAnswer, noWavAnswer } from '../platform/platform-messages'
import type { PlatformClient } from '../platform/platform.client'
import { upstreamId } from '../platform/upstream-id'
import { audienceOf } from '../realtime/audience'
import type { PeaksStore } from '../recordings/peaks.store'
import { PATHS, type RecordsService, type SplitAnswer } from './records.service'
import { WavWindow } from './wav-window'

/** The platform's code for a recording file it does not have (§4.1, §4.3). */
const NO_RECORDING_FILE = 14013

export interface RecordsRoutesDeps {
  records: RecordsService
  platform: PlatformClient
  peaks: PeaksStore
  timeZone: string
  /** Wall clock, ms (how long a recording past the WAV window is remembered as such). */
  now?: () => number
}

// Ids go into the platform's paths: checked as Fastify hands them over, already decoded
// (`%2E%2E` arrives as `..`, `a%2Fb` as `a/b`), and refused with a 400 naming them.
const callParam = z.object({ callId: upstreamId })
const recordingParam = z.object({ recordingId: upstreamId })

// Headers of the platform's audio answer that pass through to the browser as they are.
const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'last-modified',
  'etag',
]

/**
 * Call records (§4.4–4.6) and recordings (§4.1–4.3) for the SPA and for scripts. Every route
 * is for the signed-in user's own tenant; a call or recording that is not (by its CDR's
 * `domain`) is 404, like one that does not exist. Audio streams pass through with HTTP Range.
 */
export function recordsRoutes(deps: RecordsRoutesDeps) {
  const audience = (req: FastifyRequest) => audienceOf(principalOf(req).scope)
  const browse = { permission: 'browseCalls' } as const
  const hear = { permission: 'hearRecordings' } as const

  const audio = { platform: deps.platform, window: new WavWindow(deps.now ?? Date.now) }

  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/calls', { config: browse }, async (req, reply) => {
      const q = callsQuerySchema.safeParse(req.query)
      if (!q.success) return badRequest(reply, describeIssues(q.error))
      const res = await deps.records.list(audience(req), q.data)
      return res.ok ? res.data : fail(reply, res.answer)
    })

    app.get('/api/robot-calls', { config: browse }, async (req, reply) => {
      const q = robotCallsQuerySchema.safeParse(req.query)
      if (!q.success) return badRequest(reply, describeIssues(q.error))
      const res = await deps.records.robotList(audience(req), q.data)
      return res.ok ? res.data : fail(reply, res.answer)
    })

    app.get('/api/calls/:callId', { config: browse }, async (req, reply) => {
      const p = callParam.safeParse(req.params)
      if (!p.success) return badRequest(reply, describeIssues(p.error))
      const res = await deps.records.detail(audience(req), p.data.callId)
      return res.ok ? res.data : fail(reply, res.answer)
    })

    app.get('/api/calls/:callId/recordings', { config: browse }, async (req, reply) => {
      const p = callParam.safeParse(req.params)
      if (!p.success) return badRequest(reply, describeIssues(p.error))
      const res = await deps.records.recordingsOf(audience(req), p.data.callId)
      return res.ok ? res.data : fail(reply, res.answer)
    })

    app.get('/api/calls/:callId/audio', { config: hear }, async (req, reply) => {
      const p = callParam.safeParse(req.params)
      const q = audioQuerySchema.safeParse(req.query)
      if (!p.success || !q.success) return badRequest(reply, describeIssues((p.error ?? q.error)!))
      const a = audience(req)
      // The platform streams any callId it has: make sure this one is the user's first.
      const owned = await deps.records.ownedCall(a, p.data.callId)
      if (!owned.ok) return fail(reply, owned.answer)
      const summary = deps.records.summary(a.namespace, p.data.callId)
      const name = (format: RecordingFormat) =>
        fileName('call', summary, p.data.callId, format, deps.timeZone)
      return stream(req, reply, audio, PATHS.callStream(p.data.callId), q.data, name)
    })

    app.get('/api/recordings/:recordingId/audio', { config: hear }, async (req, reply) => {
      const p = recordingParam.safeParse(req.params)
      const q = audioQuerySchema.safeParse(req.query)
      if (!p.success || !q.success) return badRequest(reply, describeIssues((p.error ?? q.error)!))
      const a = audience(req)
      const rec = await deps.records.recording(a, p.data.recordingId)
      if (!rec.ok) return fail(reply, rec.answer)
      const summary = deps.records.summary(a.namespace, rec.data.callId)
      const name = (format: RecordingFormat) =>
        fileName('recording', summary, rec.data.callId, format, deps.timeZone)
      const path = PATHS.recordingStream(p.data.recordingId)
      return stream(req, reply, audio, path, q.data, name)
    })

    app.get('/api/recordings/:recordingId/peaks', { config: hear }, async (req, reply) => {
      const p = recordingParam.safeParse(req.params)
      if (!p.success) return badRequest(reply, describeIssues(p.error))
      const a = audience(req)
      const rec = await deps.records.recording(a, p.data.recordingId)
      if (!rec.ok) return fail(reply, rec.answer)
      const res = await deps.peaks.get(a.namespace, p.data.recordingId)
      if (!res.ok) return fail(reply, res.answer)
      reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'private, max-age=86400')
        .header('vary', 'accept-encoding')
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
        return reply.header('content-encoding', 'gzip').send(res.gzip)
      return reply.send(gunzipSync(res.gzip))
    })
  }
}

/**
 * A recording's audio from the platform, passed through with HTTP Range. Without `format`, the
 * two-track WAV while the platform keeps it, else (14013 on the WAV stream: §4.3 keeps WAV
 * only for the last X days) the one-track MP3; `X-Recording-Format` says which was served.
 * An explicit `format=wav` past the window is a 404 saying so, not the MP3.
 */
async function stream(
  req: FastifyRequest,
  reply: FastifyReply,
  audio: { platform: PlatformClient; window: WavWindow },
  path: string,
  q: { format?: RecordingFormat; download: '0' | '1' },
  name: (format: RecordingFormat) => string,
) {
  const range = typeof req.headers.range === 'string' ? req.headers.range : undefined
  let format: RecordingFormat = q.format ?? (audio.window.knownMissing(path) ? 'mp3' : 'wav')
  const get = (f: RecordingFormat) =>
    audio.platform.getStream(path, { isDownload: 0, isWav: f === 'wav' ? 1 : 0 }, range)
  let res = await get(format)
  if (!res.ok && format === 'wav' && res.kind === 'code' && res.code === NO_RECORDING_FILE) {
    if (q.format === 'wav') return fail(reply, noWavAnswer(res))
    audio.window.rememberMissing(path)
    format = 'mp3'
    res = await get(format)
  }
  if (!res.ok) return fail(reply, failureAnswer(res))
  const up = res.response
  for (const h of PASSED_HEADERS) {
    const v = up.headers.get(h)
    if (v !== null) reply.header(h, v)
  }
  if (!up.headers.get('content-type'))
    reply.header('content-type', format === 'wav' ? 'audio/wav' : 'audio/mpeg')
  reply.header(RECORDING_FORMAT_HEADER, format)
  reply.header('cache-control', 'private, no-store')
  const file = name(format)
  reply.header(
    'content-disposition',
    `${q.download === '1' ? 'attachment' : 'inline'}; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`,
  )
  reply.code(up.status)
  if (!up.body) return reply.send()
  return reply.send(Readable.fromWeb(up.body as WebReadableStream))
}

/** `call-20261121-101500-13912345678-6aee1dda.wav`: when, who, which call, at a glance. */
function fileName(
  kind: 'call' | 'recording',
  summary: { startTime: number | null; customerPhone: string | null; ani: string | null } | null,
  callId: string,
  format: RecordingFormat,
  timeZone: string,
): string {
  const parts: string[] = [kind]
  if (summary?.startTime)
    parts.push(
      formatQueryTime(summary.startTime, timeZone)
        .replace(/[-: ]/g, '')
        .replace(/^(\d{8})/, '$1-'),
    )
  const party = summary?.customerPhone ?? summary?.ani
  if (party) parts.push(party.replace(/[^\w.+-]/g, ''))
  parts.push(callId.replace(/[^\w-]/g, '').slice(0, 8) || 'call')
  return `${parts.join('-')}.${format}`
}

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).send({ error: 'invalid_request', message })
}

function fail(reply: FastifyReply, answer: FailureAnswer | SplitAnswer) {
  const { status, ...body } = answer
  return reply.code(status).send(body)
}
