import * as z from 'zod/mini'
import type { AuthRefusal } from './session'

/**
 * The error codes every route of the API may answer, which the page tells apart whatever it
 * asked (docs/api.md). Route-specific codes (below) reach the page too, in the answer's body.
 */
export const API_ERROR_CODES = [
  'invalid_request',
  'unauthenticated',
  'forbidden',
  'csrf',
  'not_found',
  'conflict',
  'throttled',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** Every `error` code the relay answers over HTTP, with what it means. */
export const ERROR_CODES = [
  ...API_ERROR_CODES,
  /** Too many requests a minute from one client (429, with `retryAfterSec`). */
  'rate_limited',
  /** A body over the route's limit (413). */
  'too_large',
  /** A body in a format the route does not read (415). */
  'unsupported_media_type',
  /** The relay failed (500): nothing of why is told, it is in the relay's log. */
  'internal',
  // Supervisor actions refused by the console or the platform (`ActionRefused`).
  'profile_incomplete',
  'not_listening',
  'others_on_call',
  'upstream',
  // What the platform answered to a call-record or recording query (with bilingual `messages`).
  'range_too_large',
  'split_required',
  'begin_after_end',
  'no_such_call',
  'no_recordings',
  'no_recording',
  'no_wav',
  'bad_audio',
  'upstream_token',
  'upstream_timeout',
  'upstream_unreachable',
  'upstream_redirect',
  // Outbound: call backs, instant outbound calls and call lists (with bilingual `messages`).
  /** A setting the request needs is not set (`WELLCLOUD_TENANT_ID`), 409; `setting` names it. */
  'not_configured',
  /** The platform found no extension in the call back (14001). */
  'outbound_no_device',
  /** The platform found no customer number in the call back (14002). */
  'outbound_no_customer_phone',
  /** The platform refused the extension for lacking the tenant's domain (14005). */
  'outbound_device_without_domain',
  /** The platform has no call service (cms) running to place the call (12008), 503. */
  'outbound_no_cms',
  /** The platform answered an instant outbound call with a result other than success, 409. */
  'outbound_refused',
  /** A call list with bad lines, refused before anything went upstream (`RosterRefusal`). */
  'roster_invalid',
  /** The platform refused the call list's request as malformed (its HTTP 400). */
  'roster_bad_request',
  /** The platform found no such service or campaign for the call list (its HTTP 404). */
  'roster_not_found',
  /** The platform failed on the call list (its HTTP 500), answered 502. */
  'roster_server_error',
  // The webhook's answers to the platform.
  'unauthorized',
  'invalid_event',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Why a sign-in is refused (401 or 429 `reason` of `POST /api/auth/login`). */
export const LOGIN_REFUSALS = ['bad_credentials', 'disabled', 'throttled'] as const
export type LoginRefusal = (typeof LOGIN_REFUSALS)[number]

/**
 * The body of every error answer of the relay: a code, a message in English naming what is
 * wrong (`"username: at least 2 characters"`), and for some answers more fields (a refused
 * action's bilingual `messages`, the settings' `issues`…).
 */
export interface ErrorBody {
  error: ErrorCode
  message: string
  /** Why a 401 or 429 happened. */
  reason?: AuthRefusal | LoginRefusal
  /** For 429: seconds until the client may try again (the Retry-After header says it too). */
  retryAfterSec?: number
  [field: string]: unknown
}

/**
 * An error body as the page reads it: any code (one it does not know is a server error to
 * it), the rest optional, so an answer from an older or newer relay is still understood.
 */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  reason: z.optional(z.string()),
  retryAfterSec: z.optional(z.number()),
})
