import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ROSTER_EXTENSIONS, ROSTER_MAX_BYTES, checkRoster } from '../../src/shared/outbound'
import type { ExpiringKeys } from './expiring-keys'
import { type PlatformError, badRequest, fail, sendError } from './platform-http'
import { DEFAULT_CAMPAIGN, type RobotBatches, campaignOfTemplate } from './robot-batches'
import { TOKEN_REJECTED, hasLiveToken } from './token-routes'

export interface RosterDeps {
  tokens: ExpiringKeys
  batches: RobotBatches
}

// Limits besides the file's 10 MB: a form of a few fields, nothing to exhaust memory with.
const MULTIPART_LIMITS = {
  fileSize: ROSTER_MAX_BYTES,
  fields: 20,
  fieldSize: 1_024,
  parts: 30,
  headerPairs: 100,
}

const queryText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined))
const rosterQuery = z.object({ alias: queryText(200), templateId: queryText(64) })

const refuse = (message: string): PlatformError => fail(400, 400, message)
const EXTENSIONS = ROSTER_EXTENSIONS.map((e) => `.${e}`).join(', ')
const MULTIPART_ERRORS: Record<string, string> = {
  FST_REQ_FILE_TOO_LARGE: `file: larger than ${ROSTER_MAX_BYTES / 1_048_576} MB (文件大小不要超过10MB)`,
  FST_PARTS_LIMIT: `(body): more than ${MULTIPART_LIMITS.parts} parts`,
  FST_FILES_LIMIT: '(body): too many files',
}

interface UploadedFile {
  filename: string
  data: Buffer
}

/**
 * The first file of the form's `file` field; every other part is read past (the platform
 * takes one file, the first, §5.2). A body that is not a readable multipart form is an error.
 */
async function firstFile(request: FastifyRequest): Promise<UploadedFile | null | PlatformError> {
  let file: UploadedFile | null = null
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue
      if (file === null && part.fieldname === 'file') {
        file = { filename: part.filename, data: await part.toBuffer() }
      } else {
        part.file.resume()
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const known = typeof code === 'string' ? MULTIPART_ERRORS[code] : undefined
    return refuse(known ?? `(body): not a readable multipart form: ${(error as Error).message}`)
  }
  return file
}

/** The file's text: UTF-8, or GB18030 (a list saved by a Chinese spreadsheet); null if binary. */
function textOf(data: Buffer): string | null {
  if (data.includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return new TextDecoder('gb18030').decode(data)
  }
}

/**
 * `POST /api/ros/2.0/batches?alias=&templateId=` (seed 003 §5.2, 上传名单): multipart, field
 * `file`. Answered 201 `{data: {alias, batchId, batchName}, hasData: false}`; the good entries
 * become a batch the robots dial over the next simulated minutes (bad lines skipped, duplicates
 * kept, as the platform does). 400: no file, not txt/csv/dat, over 10 MB, no readable entry;
 * 404: templateId is neither a campaign nor a campaign group. Errors `{errorCode, errorMessage}`.
 */
export function registerRosterRoutes(app: FastifyInstance, deps: RosterDeps): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true })

    scope.post('/api/ros/2.0/batches', async (request, reply) => {
      if (!hasLiveToken(request, deps.tokens)) return sendError(reply, TOKEN_REJECTED)
      const query = rosterQuery.safeParse(request.query)
      if (!query.success) return sendError(reply, badRequest(query.error))
      const { alias, templateId } = query.data
      const campaignId =
        templateId === undefined ? DEFAULT_CAMPAIGN : campaignOfTemplate(templateId)
      if (campaignId === null) {
        return sendError(
          reply,
          fail(404, 404, `活动不存在 (no campaign or campaign group ${templateId})`),
        )
      }
      if (!request.isMultipart()) {
        return sendError(reply, refuse('(body): expected multipart/form-data with a file field'))
      }
      const file = await firstFile(request)
      if (file === null) return sendError(reply, refuse('file: required (no file in the form)'))
      if ('errorCode' in file) return sendError(reply, file)
      const ext = /\.([^.]+)$/.exec(file.filename)?.[1]?.toLowerCase()
      if (!ext || !(ROSTER_EXTENSIONS as readonly string[]).includes(ext)) {
        return sendError(
          reply,
          refuse(
            `file: ${file.filename || '(no name)'} is not a ${EXTENSIONS} file (文件格式不支持)`,
          ),
        )
      }
      const text = textOf(file.data)
      if (text === null) return sendError(reply, refuse('file: not a text file (二进制内容)'))
      const { entries } = checkRoster(text)
      if (entries.length === 0) {
        return sendError(
          reply,
          refuse(
            'file: no readable entry; each line is rosterId,prdType,number[,customerId[,k:v|k:v]] (名单格式错误)',
          ),
        )
      }
      const batch = deps.batches.add(campaignId, templateId ?? campaignId, alias ?? null, entries)
      return reply.code(201).send({
        data: { alias: batch.alias, batchId: batch.batchId, batchName: batch.batchName },
        hasData: false,
      })
    })
  })
}
