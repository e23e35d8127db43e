import * as z from 'zod/mini'
import { CSRF_COOKIE, CSRF_HEADER } from '@/shared/auth'
import {
  API_ERROR_CODES,
  type ApiErrorCode as RelayErrorCode,
  errorBodySchema,
} from '@/shared/errors'

/**
 * The relay's error codes that every route may answer (`src/shared/errors.ts`), plus what the
 * page itself can tell: `network` (no answer at all), `bad_response` (an answer of the wrong
 * shape) and `server` (anything else).
 */
export type ApiErrorCode = RelayErrorCode | 'network' | 'bad_response' | 'server'

const KNOWN_CODES: ReadonlySet<string> = new Set<ApiErrorCode>(API_ERROR_CODES)

/** A request that did not succeed, as the page can act on it. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status, or 0 when no answer came (network failure, relay down). */
  readonly status: number
  readonly error: ApiErrorCode
  /** Why a 401 or 429 happened: `no_session`, `expired`, `bad_credentials`, `throttled`… */
  readonly reason: string | undefined
  /** For 429: seconds until another sign-in may be tried. */
  readonly retryAfterSec: number | undefined
  /**
   * The answer's JSON body as sent, for errors that carry more than code and message (a
   * refused supervisor action's bilingual `messages`); null when there was none.
   */
  readonly body: unknown

  constructor(init: {
    status: number
    error: ApiErrorCode
    message: string
    reason?: string | undefined
    retryAfterSec?: number | undefined
    body?: unknown
  }) {
    super(init.message)
    this.status = init.status
    this.error = init.error
    this.reason = init.reason
    this.retryAfterSec = init.retryAfterSec
    this.body = init.body ?? null
  }

  /**
   * The field a 400 or 409 names (`"username: at least 2 characters"` → `username`), with the
   * rest of the message; null when the message names none.
   */
  get field(): { name: string; message: string } | null {
    const m = /^([A-Za-z][\w.]*): (.+)$/.exec(this.message)
    return m?.[1] && m[2] ? { name: m[1], message: m[2] } : null
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/** True for an answer that says the session is missing or over. */
export function isUnauthenticated(value: unknown): value is ApiError {
  return isApiError(value) && value.status === 401
}

type UnauthorizedHandler = (error: ApiError) => void
let unauthorizedHandler: UnauthorizedHandler | null = null

/**
 * Who hears of a 401 (the app: it sends the page to sign-in, remembering where it was).
 * Returns the function that removes it.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  unauthorizedHandler = handler
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null
  }
}

/** A cookie the page may read (the CSRF token), or null. */
export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
  }
  return null
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  /** Sent as multipart form data (a file upload), instead of `body`. */
  form?: FormData
  /** Checks the answer's shape; without it the answer is trusted as `T`. */
  schema?: z.core.$ZodType<T>
  /**
   * Whether a 401 sends the page to sign-in (default true). The sign-in request itself says
   * false: its 401 means a wrong password, not a lost session.
   */
  authRedirect?: boolean
  signal?: AbortSignal
}

/**
 * Calls the relay's `/api/*` at the page's origin with the session cookie. JSON in and out;
 * mutations carry the CSRF header; anything but a 2xx becomes an `ApiError`.
 * A 204 (or any empty answer) resolves to undefined.
 */
export async function apiRequest<T = void>(path: string, request: ApiRequest<T> = {}): Promise<T> {
  const method = request.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json' }
  // A form sets its own content type, with the multipart boundary.
  if (request.body !== undefined && !request.form) headers['content-type'] = 'application/json'
  if (!SAFE_METHODS.has(method)) {
    const csrf = readCookie(CSRF_COOKIE)
    if (csrf !== null) headers[CSRF_HEADER] = csrf
  }

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include',
      body: request.form ?? (request.body === undefined ? null : JSON.stringify(request.body)),
      signal: request.signal ?? null,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({ status: 0, error: 'network', message: 'the relay could not be reached' })
  }

  if (!response.ok) {
    const error = await errorFrom(response)
    if (error.status === 401 && request.authRedirect !== false) unauthorizedHandler?.(error)
    throw error
  }

  const text = await response.text()
  if (text === '') return undefined as T
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ApiError({ status: response.status, error: 'bad_response', message: 'not JSON' })
  }
  if (!request.schema) return data as T
  const parsed = z.safeParse(request.schema, data)
  if (!parsed.success) {
    console.error(`${method} ${path}: answer rejected`, parsed.error.issues)
    throw new ApiError({
      status: response.status,
      error: 'bad_response',
      message: `unexpected answer from ${path}`,
    })
  }
  return parsed.data
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const parsed = errorBodySchema.safeParse(body)
  const retryHeader = Number(response.headers.get('retry-after'))
  if (!parsed.success) {
    return new ApiError({
      status: response.status,
      error: 'server',
      message: `${response.status} ${response.statusText}`.trim(),
      retryAfterSec: Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined,
    })
  }
  const b = parsed.data
  return new ApiError({
    status: response.status,
    error: KNOWN_CODES.has(b.error) ? (b.error as ApiErrorCode) : 'server',
    message: b.message ?? b.error,
    reason: b.reason,
    retryAfterSec:
      b.retryAfterSec ??
      (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
    body,
  })
}
