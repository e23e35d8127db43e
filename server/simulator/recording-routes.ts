import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { CallLog } from './call-log'
import { CDR_INSTANCE_ID } from './cdr-query'
import type { ExpiringKeys } from './expiring-keys'
import { sendFile } from './http-range'
import { badRequest, fail, sendError } from './platform-http'
import type { AudioFormat, RecordingAudio } from './recording-audio'
import { hasRecording, recordingIdOf, recordingJson } from './recordings'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'
import type { UrlSigner } from './url-signer'

export interface RecordingDeps {
  callLog: CallLog
  tokens: ExpiringKeys
  audio: RecordingAudio
  signer: UrlSigner
  timeZone: string
  /** Calls that started more than this many days ago keep no WAV (§4.3); null: all do. */
  wavDays: number | null
  /** Simulated now, ms. */
  now: () => number
}

const DAY_MS = 86_400_000

const BASE = '/api/cdr/2.0/recordings/open'

const idParams = z.object({ id: z.string().min(1) })
const callParams = z.object({ callId: z.string().min(1) })
const streamQuery = z.object({
  isDownload: z.enum(['0', '1', '2']), // 0 listen, 1 download, 2 redirect
  isWav: z.enum(['0', '1']), // 1 two-track WAV, 0 one-track MP3
  expires: z.string().optional(),
  signature: z.string().optional(),
})

const CONTENT_TYPES: Record<AudioFormat, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' }

const NO_CALL = fail(400, 14011, 'callId不存在')
const NO_RECORDING_OF_CALL = fail(400, 14012, 'callId对应的录音记录不存在')
const NO_RECORDING_FILE = fail(400, 14013, '调听或下载录音时，录音文件不存在')

/**
 * Recordings (seed 003 §4.1–4.3). §4.2 answers a bare JSON array of the call's recordings:
 * the seed lists the fields of a recording with no wrapper, where §4.5 documents its
 * `{total, list}`. The streams (§4.1 by call, merging its recordings, which with one
 * recording per call is the same file; §4.3 by recording id, also under the seed's example
 * path `/open/{id}/stream`) take the token, or the signature of an isDownload=2 redirect.
 */
export function registerRecordingRoutes(app: FastifyInstance, deps: RecordingDeps): void {
  app.get(`${BASE}/call/:callId`, (request, reply) => {
    if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
    const params = callParams.safeParse(request.params)
    if (!params.success) return sendError(reply, badRequest(params.error), CDR_INSTANCE_ID)
    const record = deps.callLog.get(params.data.callId)
    if (!record) return sendError(reply, NO_CALL, CDR_INSTANCE_ID)
    if (!hasRecording(record)) return sendError(reply, NO_RECORDING_OF_CALL, CDR_INSTANCE_ID)
    return [recordingJson(record, deps.timeZone)]
  })

  app.get(`${BASE}/call/:callId/stream`, (request, reply) => {
    const params = callParams.safeParse(request.params)
    if (!params.success) return sendError(reply, badRequest(params.error), CDR_INSTANCE_ID)
    const { callId } = params.data
    return stream(request, reply, deps, `call:${callId}`, callId, deps.callLog.get(callId))
  })

  const byRecording = (request: FastifyRequest, reply: FastifyReply) => {
    const params = idParams.safeParse(request.params)
    if (!params.success) return sendError(reply, badRequest(params.error), CDR_INSTANCE_ID)
    const { id } = params.data
    return stream(request, reply, deps, `recording:${id}`, id, deps.callLog.getByRecording(id))
  }
  app.get(`${BASE}/recording/:id/stream`, byRecording)
  app.get(`${BASE}/:id/stream`, byRecording)
}

async function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: RecordingDeps,
  resource: string,
  name: string,
  record: ReturnType<CallLog['get']>,
): Promise<FastifyReply> {
  const query = streamQuery.safeParse(request.query)
  if (!query.success) return sendError(reply, badRequest(query.error), CDR_INSTANCE_ID)
  const q = query.data
  const signed = deps.signer.verify(`${resource}|${q.isWav}`, q.expires, q.signature)
  if (!signed && !hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
  if (!record || !hasRecording(record)) {
    return sendError(reply, NO_RECORDING_FILE, CDR_INSTANCE_ID)
  }
  const format: AudioFormat = q.isWav === '1' ? 'wav' : 'mp3'
  // §4.3: "如果调wav只能调最近X天的数据（X可配置）": past the window only the MP3 is left.
  if (format === 'wav' && !hasWav(record, deps)) {
    return sendError(reply, NO_RECORDING_FILE, CDR_INSTANCE_ID)
  }
  if (q.isDownload === '2') {
    const { expires, signature } = deps.signer.sign(`${resource}|${q.isWav}`)
    const path = request.url.split('?')[0] ?? ''
    const search = new URLSearchParams({ isDownload: '0', isWav: q.isWav, expires, signature })
    return reply.redirect(`${request.protocol}://${request.host}${path}?${search}`, 302)
  }
  const file = await deps.audio.get(record.callId, record.talkLength, format)
  return sendFile(request, reply, file, {
    contentType: CONTENT_TYPES[format],
    etag: `"${recordingIdOf(record.callId)}-${format}"`,
    downloadName: q.isDownload === '1' ? `${name}.${format}` : undefined,
  })
}

/** Whether the platform still keeps the call's two-track WAV (`--wav-days`). */
function hasWav(record: { startTime: number }, deps: RecordingDeps): boolean {
  return deps.wavDays === null || deps.now() - record.startTime <= deps.wavDays * DAY_MS
}
