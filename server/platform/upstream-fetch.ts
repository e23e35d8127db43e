/** Redirects the relay follows for one request at most, and only within the configured origin. */
export const MAX_REDIRECTS = 3

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Why a redirect was not followed. */
export type RedirectProblem = 'other_origin' | 'too_many' | 'no_location'

/**
 * The platform answered a redirect the relay will not follow. Nothing was sent to its target:
 * the token, the CSTA session and the credentials only ever go to the configured origin.
 */
export class RedirectRefused extends Error {
  constructor(
    readonly problem: RedirectProblem,
    /** The origin the platform pointed at, when it gave a usable Location. */
    readonly target: string | null,
  ) {
    super(
      problem === 'other_origin'
        ? `the platform redirected to another host (${target}): refused`
        : problem === 'too_many'
          ? `the platform redirected more than ${MAX_REDIRECTS} times: refused`
          : 'the platform answered a redirect without a usable Location: refused',
    )
    this.name = 'RedirectRefused'
  }
}

/**
 * `fetch` that follows redirects itself, and only to the origin (scheme, host and port) of
 * the URL it was given. fetch's own `redirect: 'follow'` would carry our headers (the
 * `wellcloud_token`, the CSTA `sessionId`) and, on a 307/308, the body with the app secret or
 * the service account's password to whatever host the answer names. Throws RedirectRefused
 * instead; the caller turns it into a clear 502.
 */
export async function fetchWithinOrigin(
  fetchFn: typeof fetch,
  url: string | URL,
  init: RequestInit,
): Promise<Response> {
  let current = new URL(url)
  const origin = current.origin
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body
  let headers = new Headers(init.headers)
  for (let hop = 0; ; hop++) {
    const res = await fetchFn(current, { ...init, method, body, headers, redirect: 'manual' })
    if (!REDIRECT_STATUSES.has(res.status)) return res
    await res.body?.cancel()
    const next = resolve(res.headers.get('location'), current)
    // An opaque origin ('null') never matches, not even itself.
    if (!next) throw new RedirectRefused('no_location', null)
    if (next.origin !== origin || origin === 'null')
      throw new RedirectRefused('other_origin', next.origin)
    if (hop >= MAX_REDIRECTS) throw new RedirectRefused('too_many', next.origin)
    // As fetch does: a 303, and a 301/302 after a POST, go on as a GET without the body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET'
      body = undefined
      headers = new Headers(headers)
      headers.delete('content-type')
    }
    current = next
  }
}

function resolve(location: string | null, base: URL): URL | null {
  if (!location) return null
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}
