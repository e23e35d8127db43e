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
import type { ErrorCode } from '@/shared/errors'
import { principalOf } from '../auth/auth.hooks'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { FailureAnswer } from '../platform/platform-messages'
import { failureAnswer, noWavAnswer } from '../platform/platform-messages'
import type { PlatformClient } from '../platform/platform.client'
import { upstreamId } from '../platform/upstream-id'
import { audienceOf } from '../realtime/audience'
import type { PeaksStore } from '../waveforms/peaks.store'
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
    app.get('/api/calls', { config: browse }, async (req) => {
      const q = parseWith(callsQuerySchema, req.query)
      const res = await deps.records.list(audience(req), q)
      if (!res.ok) throw refusal(res.answer)
      return res.data
    })

    app.get('/api/robot-calls', { config: browse }, async (req) => {
      const q = parseWith(robotCallsQuerySchema, req.query)
      const res = await deps.records.robotList(audience(req), q)
      if (!res.ok) throw refusal(res.answer)
      return res.data
    })

    app.get('/api/calls/:callId', { config: browse }, async (req) => {
      const { callId } = parseWith(callParam, req.params)
      const res = await deps.records.detail(audience(req), callId)
      if (!res.ok) throw refusal(res.answer)
      return res.data
    })

    app.get('/api/calls/:callId/recordings', { config: browse }, async (req) => {
      const { callId } = parseWith(callParam, req.params)
      const res = await deps.records.recordingsOf(audience(req), callId)
      if (!res.ok) throw refusal(res.answer)
      return res.data
    })

    app.get('/api/calls/:callId/audio', { config: hear }, async (req, reply) => {
      const { callId } = parseWith(callParam, req.params)
      const q = parseWith(audioQuerySchema, req.query)
      const a = audience(req)
      // The platform streams any callId it has: make sure this one is the user's first.
      const owned = await deps.records.ownedCall(a, callId)
      if (!owned.ok) throw refusal(owned.answer)
      const summary = await deps.records.summary(a.namespace, callId)
      const name = (format: RecordingFormat) =>
        fileName('call', summary, callId, format, deps.timeZone)
      return stream(req, reply, audio, PATHS.callStream(callId), q, name)
    })

    app.get('/api/recordings/:recordingId/audio', { config: hear }, async (req, reply) => {
      const { recordingId } = parseWith(recordingParam, req.params)
      const q = parseWith(audioQuerySchema, req.query)
      const a = audience(req)
      const rec = await deps.records.recording(a, recordingId)
      if (!rec.ok) throw refusal(rec.answer)
      const summary = await deps.records.summary(a.namespace, rec.data.callId)
      const name = (format: RecordingFormat) =>
        fileName('recording', summary, rec.data.callId, format, deps.timeZone)
      const path = PATHS.recordingStream(recordingId)
      return stream(req, reply, audio, path, q, name)
    })

    app.get('/api/recordings/:recordingId/peaks', { config: hear }, async (req, reply) => {
      const { recordingId } = parseWith(recordingParam, req.params)
      const a = audience(req)
      const rec = await deps.records.recording(a, recordingId)
      if (!rec.ok) throw refusal(rec.answer)
      const res = await deps.peaks.get(a.namespace, recordingId)
      if (!res.ok) throw refusal(res.answer)
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
    if (q.format === 'wav') throw refusal(noWavAnswer(res))
    audio.window.rememberMissing(path)
    format = 'mp3'
    res = await get(format)
  }
  if (!res.ok) throw refusal(failureAnswer(res))
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

/** The platform's refusal (or the console's reading of it), answered with all its fields. */
function refusal(answer: FailureAnswer | SplitAnswer): HttpError {
  const { status, ...body } = answer
  // The platform's answers type their codes as strings; each is one of ERROR_CODES.
  return HttpError.of(status, { ...body, error: body.error as ErrorCode })
}
