import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { analysisFor } from '@/shared/recording-analysis'
import type { ErrorCode } from '@/shared/errors'
import { principalOf } from '../auth/auth.hooks'
import type { RecordsService, SplitAnswer } from '../call-records/records.service'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { FailureAnswer } from '../platform/platform-messages'
import { upstreamId } from '../platform/upstream-id'
import { audienceOf } from '../realtime/audience'
import type { PeaksStore } from './peaks.store'

export interface AnalysisRoutesDeps {
  records: RecordsService
  peaks: PeaksStore
  /** The tenant's long-silence length, s (its admin's setting). */
  longSilenceSec: (namespace: string) => number
}

const recordingParam = z.object({ recordingId: upstreamId })

/**
 * `GET /api/recordings/{id}/analysis`: silences, cross-talk and talk ratio of a recording, read
 * with its waveform peaks (and kept with them). The same rules as the peaks: roles that may
 * hear recordings, the user's own tenant and scope, unknown recordings a 404.
 */
export function analysisRoutes(deps: AnalysisRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get(
      '/api/recordings/:recordingId/analysis',
      { config: { permission: 'hearRecordings' } },
      async (req, reply) => {
        const { recordingId } = parseWith(recordingParam, req.params)
        const audience = audienceOf(principalOf(req).scope)
        const rec = await deps.records.recording(audience, recordingId)
        if (!rec.ok) throw refusal(rec.answer)
        const res = await deps.peaks.speech(audience.namespace, recordingId)
        if (!res.ok) throw refusal(res.answer)
        // Private and short-lived: an admin's new silence length shows on the next open.
        reply.header('cache-control', 'private, max-age=60')
        return analysisFor(res.speech, deps.longSilenceSec(audience.namespace))
      },
    )
  }
}

function refusal(answer: FailureAnswer | SplitAnswer): HttpError {
  const { status, ...body } = answer
  // The relay's own answers type their codes as strings; each is one of ERROR_CODES.
  return HttpError.of(status, { ...body, error: body.error as ErrorCode })
}
