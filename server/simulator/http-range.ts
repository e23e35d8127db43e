import type { FastifyReply, FastifyRequest } from 'fastify'

export interface FileMeta {
  contentType: string
  /** Strong validator: the same name always means the same bytes here. */
  etag: string
  /** Set: `Content-Disposition: attachment` with this file name. */
  downloadName?: string
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | null

/**
 * `Range: bytes=a-b`, `a-` or `-n` against a file of `size` bytes; null when the header is
 * absent, not bytes, or asks for several ranges (a server may then send it all, and we do).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header === undefined ? null : /^bytes=\s*(\d*)-(\d*)\s*$/.exec(header)
  if (!m) return null
  const [, from = '', to = ''] = m
  if (from === '' && to === '') return null
  let start: number
  let end: number
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(from)
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
    if (to !== '' && Number(to) < start) return null // invalid: ignore, as RFC 9110 says
  }
  if (start >= size) return 'unsatisfiable'
  return { start, end }
}

/**
 * Sends a file as a static file server does: 200 whole, or 206 with `Content-Range` for
 * one byte range (416 when it lies past the end), `Accept-Ranges: bytes`, an ETag that
 * `If-Range` is checked against, and `Content-Length` set from the bytes sent.
 */
export function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: Buffer,
  meta: FileMeta,
): FastifyReply {
  reply
    .header('Content-Type', meta.contentType)
    .header('Accept-Ranges', 'bytes')
    .header('ETag', meta.etag)
    .header('Cache-Control', 'private, max-age=3600')
  if (meta.downloadName !== undefined) {
    reply.header('Content-Disposition', `attachment; filename="${meta.downloadName}"`)
  }
  const ifRange = request.headers['if-range']
  const rangeHeader =
    ifRange === undefined || ifRange === meta.etag ? request.headers.range : undefined
  const range = parseRange(rangeHeader, file.length)
  if (range === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${file.length}`).send()
  }
  if (range === null) return reply.code(200).send(file)
  return reply
    .code(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${file.length}`)
    .send(file.subarray(range.start, range.end + 1))
}
