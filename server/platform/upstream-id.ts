import { z } from 'zod'

/** Longest id (UTF-16 units) the relay puts in a platform URL; the platform's own are far shorter. */
export const UPSTREAM_ID_MAX = 256

// What an id placed in a platform URL must not contain: control, format and separator
// characters, lone surrogates (encodeURIComponent throws on them), whitespace, and what means
// something in a path, a query or a CSTA connection id (`{deviceId}|{callId}`). `%` too, so an
// id never reaches the platform as something a second decoding would turn into `/` or `..`.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s/\\%?#|]/u

/**
 * What is wrong with `value` as an id in a platform path (call, recording, agent or device
 * id), or null when it is fine. The platform's ids are UUIDs and `5001@test.cc`-like names;
 * `.` and `..` would make the URL parser climb out of the path the relay meant.
 */
export function idProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty'
  if (value.length > UPSTREAM_ID_MAX) return `at most ${UPSTREAM_ID_MAX} characters`
  if (value === '.' || value === '..') return `must not be "${value}"`
  const bad = UNSAFE.exec(value)?.[0]
  if (bad !== undefined) return `must not contain ${describe(bad)}`
  return null
}

function describe(ch: string): string {
  const printable = /^[\x21-\x7e]$/.test(ch)
  const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
  return printable ? `"${ch}"` : `U+${code}`
}

/** An id from a request, checked where Fastify hands it over (decoded: `%2E%2E` is `..` here). */
export const upstreamId = z.string().superRefine((value, ctx) => {
  const problem = idProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** An id was about to go into a platform URL and was refused; nothing was sent. */
export class UnsafeIdError extends Error {
  constructor(
    /** The id's name as the API and the platform call it (`callId`, `deviceId`, …). */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`)
    this.name = 'UnsafeIdError'
  }
}

/** `value` if it may go into a platform URL; throws UnsafeIdError naming `field` otherwise. */
export function checkedId(value: string, field: string): string {
  const problem = idProblem(value)
  if (problem) throw new UnsafeIdError(field, problem)
  return value
}
