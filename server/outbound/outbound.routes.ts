import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { outboundSettingsSchema, ROSTER_MAX_BYTES } from '@/shared/outbound'
import type { AuditAdmin } from '../actions/admin-audit'
import { principalOf } from '../auth/auth.hooks'
import { HttpError } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { OutboundService, RosterFile } from './outbound.service'
import type { OutboundRepo } from './outbound.repo'

export interface OutboundRoutesDeps {
  outbound: OutboundService
  repo: OutboundRepo
  now: () => number
  /** Every change of the outbound settings is audited. */
  audit: AuditAdmin
}

/** Bodies of the outbound JSON routes are small: a number, an extension, a little call data. */
const OUTBOUND_BODY_LIMIT = 16 * 1024
// Room for the multipart framing around the file: its headers and the boundaries.
const MULTIPART_OVERHEAD = 64 * 1024

/**
 * Call backs, instant outbound calls, call lists and the tenant's outbound settings. The role
 * of the three requests is checked by the service, not the route, so a refused attempt is
 * audited too; wall screens are refused by the session hook (no route here admits them).
 */
export function outboundRoutes(deps: OutboundRoutesDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.post('/api/double-calls', { bodyLimit: OUTBOUND_BODY_LIMIT }, async (req) =>
      deps.outbound.doubleCall(principalOf(req), req.body),
    )

    app.post('/api/outbound/instant', { bodyLimit: OUTBOUND_BODY_LIMIT }, async (req) =>
      deps.outbound.instant(principalOf(req), req.body),
    )

    app.get(
      '/api/outbound/recent-activities',
      { config: { permission: 'callOut' } },
      async (req) => {
        const p = principalOf(req)
        return {
          activityIds: p.kind === 'user' ? await deps.outbound.recentActivities(p.id) : [],
        }
      },
    )

    app.get('/api/outbound/rosters', { config: { permission: 'callOut' } }, async (req) => ({
      uploads: await deps.outbound.uploads(principalOf(req).scope.namespace),
    }))

    app.get('/api/outbound/settings', { config: { permission: 'callOut' } }, async (req) =>
      deps.outbound.settings(principalOf(req).scope.namespace),
    )

    app.put(
      '/api/outbound/settings',
      { config: { permission: 'configure' }, bodyLimit: OUTBOUND_BODY_LIMIT },
      async (req) => {
        const p = principalOf(req)
        const body = parseWith(outboundSettingsSchema, req.body)
        const before = await deps.outbound.settings(p.scope.namespace)
        await deps.repo.putSettings(p.scope.namespace, body, p.username, deps.now())
        await deps.audit(p, {
          op: 'outbound-settings',
          target: 'outbound-settings',
          message:
            before.prefix === body.prefix
              ? null
              : `prefix: ${before.prefix || '—'} → ${body.prefix || '—'}`,
          status: 200,
        })
        return body
      },
    )

    // Multipart is read by this route only: the other routes take JSON.
    await app.register(async (uploads) => {
      await uploads.register(fastifyMultipart, {
        // A file cut at the limit is answered 413 by the route (`truncated`).
        throwFileSizeLimit: false,
        limits: {
          files: 1,
          fileSize: ROSTER_MAX_BYTES,
          // The form holds the file and nothing else: a few small fields are tolerated.
          fields: 5,
          fieldSize: 1024,
          parts: 6,
          headerPairs: 20,
        },
      })
      uploads.post(
        '/api/outbound/rosters',
        { bodyLimit: ROSTER_MAX_BYTES + MULTIPART_OVERHEAD },
        async (req, reply) => {
          const upload = await deps.outbound.uploadRoster(principalOf(req), req.query, () =>
            readRoster(req),
          )
          return reply.code(201).send(upload)
        },
      )
    })
  }
}

function tooLarge(): HttpError {
  const mb = ROSTER_MAX_BYTES / 1024 / 1024
  return new HttpError(413, 'too_large', `the call list is over ${mb} MB`, {
    messages: { zh: `名单文件超过 ${mb} MB`, en: `the call list is over ${mb} MB` },
  })
}

/** The upload's one file, whole; 415 when the request is not multipart, 413 when too large. */
async function readRoster(req: FastifyRequest): Promise<RosterFile> {
  if (!req.isMultipart()) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'send the call list as multipart/form-data with the file in the field "file"',
      {
        messages: {
          zh: '请以 multipart/form-data 上传名单文件（字段名 file）',
          en: 'send the call list as multipart/form-data with the file in the field "file"',
        },
      },
    )
  }
  const noFile = new HttpError(400, 'invalid_request', 'file: choose a call list to upload', {
    messages: { zh: '请选择要上传的名单文件', en: 'file: choose a call list to upload' },
  })
  try {
    const part = await req.file()
    if (!part || part.fieldname !== 'file') throw noFile
    const bytes = await part.toBuffer()
    // Checked here rather than thrown by the plugin, whose check can miss the end of the file.
    if (part.file.truncated) throw tooLarge()
    const fileName = part.filename.trim()
    if (fileName === '') throw noFile
    return { fileName: fileName.slice(0, 255), bytes }
  } catch (err) {
    if (err instanceof HttpError) throw err
    const code = (err as { code?: unknown } | null)?.code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge()
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') throw noFile
    if (typeof code === 'string' && code.startsWith('FST_')) {
      // Too many parts, fields or files, or a form cut short.
      const message = err instanceof Error ? err.message : 'malformed multipart form'
      throw new HttpError(400, 'invalid_request', `the upload form: ${message}`, {
        messages: { zh: `上传的表单不正确：${message}`, en: `the upload form: ${message}` },
      })
    }
    throw err
  }
}
