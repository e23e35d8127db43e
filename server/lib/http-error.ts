import type { ErrorBody, ErrorCode } from '@/shared/errors'

/**
 * Fields an error answer carries beside its code and message (`reason`, `retryAfterSec`, a
 * refused action's `messages`…): any object, so a service's own answer type passes as it is.
 */
export type ErrorExtras = object

/**
 * A refusal a route (or hook) throws; the root error handler answers it with its status and
 * `{ error, message, ...extras }` (and its headers), and logs nothing: it is a deliberate
 * answer (the client's mistake, or the platform's refusal passed on), not a failure.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError'

  constructor(
    /** HTTP status, 4xx or 5xx. */
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** More fields of the body; `ok: false` or a refused action's `messages`, for instance. */
    readonly extras: ErrorExtras = {},
    /** Headers of the answer (Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }

  /** What the client receives. */
  body(): ErrorBody {
    return { error: this.code, message: this.message, ...this.extras }
  }

  /**
   * An answer built elsewhere as `{ status, error, message, … }` (the platform's refusals of a
   * query, a refused action), thrown as it is: every field but `status` is its body.
   */
  static of(status: number, body: { error: ErrorCode; message: string }): HttpError {
    const { error, message, ...extras } = body
    return new HttpError(status, error, message, extras)
  }
}

/** 400: the request's body, query or path is not what the route takes; `message` names the field. */
export function badRequest(message: string, extras?: ErrorExtras): HttpError {
  return new HttpError(400, 'invalid_request', message, extras)
}

/** 403: the caller may not do this. */
export function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message)
}

/** 404: nothing of that name that the caller may see (absent and "not yours" alike). */
export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message)
}

/** 409: the request is well formed but the state of things does not allow it. */
export function conflict(message: string): HttpError {
  return new HttpError(409, 'conflict', message)
}
