import type { TokenManager } from './token-manager'
import { TokenError } from './token-manager'
import { fetchWithinOrigin, type RedirectProblem, RedirectRefused } from './upstream-fetch'

/** Why a platform call did not give what was asked. */
export type PlatformFailure =
  /** The platform answered a business error (`{"errorCode": 14001, …}`), at any HTTP status. */
  | { kind: 'code'; code: number; message: string | null; httpStatus: number }
  /** An HTTP error without a business code. */
  | { kind: 'http'; httpStatus: number; text: string }
  | { kind: 'token'; message: string }
  /** A redirect the relay would not follow (to another origin, or too many); nothing went there. */
  | { kind: 'redirect'; problem: RedirectProblem; target: string | null }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; detail: string }

export type PlatformJson = { ok: true; data: unknown } | ({ ok: false } & PlatformFailure)
export type PlatformStream = { ok: true; response: Response } | ({ ok: false } & PlatformFailure)

export interface PlatformClientOptions {
  baseUrl: string
  tokens: TokenManager
  timeoutMs: number
  fetch?: typeof fetch
}

type Query = Record<string, string | number | undefined>

/** One file sent as a multipart form's only part. */
export interface MultipartFile {
  fieldName: string
  fileName: string
  bytes: Uint8Array
  contentType: string
}

/** The method and body of a request other than a GET, built once per attempt. */
type RequestBody = () => { method: string; body: BodyInit; headers: Record<string, string> }

/**
 * Requests to the platform's API gateway (GETs, and the outbound JSON and multipart POSTs) with
 * the `wellcloud_token` header; when the token is refused (HTTP 401, or `{"errorCode": 401}` in the body, even of an HTTP 200: the seed lists
 * 401 among its business codes) it gets a fresh token and tries once more. Requests refused at
 * the same time share one new token (TokenManager). Business errors come back as `kind: 'code'`
 * whether the platform sent them with HTTP 200 or 4xx. Redirects are followed only within the
 * gateway's origin, so the token never reaches another host.
 */
export class PlatformClient {
  private readonly fetch: typeof fetch

  constructor(private readonly o: PlatformClientOptions) {
    this.fetch = o.fetch ?? fetch
  }

  async getJson(path: string, query: Query = {}): Promise<PlatformJson> {
    const res = await this.send(path, query, {})
    return res.ok ? readJson(res.response) : res
  }

  /** A JSON POST (`application/json; charset=UTF-8`), answered and retried as `getJson`. */
  async postJson(path: string, body: unknown, query: Query = {}): Promise<PlatformJson> {
    const text = JSON.stringify(body)
    const res = await this.send(path, query, {}, false, () => ({
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    }))
    return res.ok ? readJson(res.response) : res
  }

  /**
   * A multipart/form-data POST of one file, answered and retried as `getJson`. The form is
   * built afresh for each attempt: a body is read once, and the retry after a refused token
   * must send the same bytes again.
   */
  async postMultipart(path: string, query: Query, file: MultipartFile): Promise<PlatformJson> {
    const res = await this.send(path, query, {}, false, () => {
      const form = new FormData()
      const blob = new Blob([new Uint8Array(file.bytes)], { type: file.contentType })
      form.append(file.fieldName, blob, file.fileName)
      // fetch writes the content type with its boundary itself.
      return { method: 'POST', body: form, headers: {} }
    })
    return res.ok ? readJson(res.response) : res
  }

  /** A recording stream: the platform's response as is (status, headers, body) unless it failed. */
  async getStream(path: string, query: Query, range: string | undefined): Promise<PlatformStream> {
    const res = await this.send(path, query, range ? { range } : {}, true)
    if (!res.ok) return res
    const type = res.response.headers.get('content-type') ?? ''
    if (type.includes('json') || !res.response.ok) {
      const text = await res.response.text()
      let body: unknown = null
      try {
        body = JSON.parse(text)
      } catch {
        // not JSON: an HTTP error below
      }
      const code = businessCode(body)
      if (code) return { ok: false, ...code, httpStatus: res.response.status }
      if (!res.response.ok) return httpFailure(res.response.status, text)
      return {
        ok: false,
        kind: 'http',
        httpStatus: 502,
        text: 'the platform answered JSON instead of audio',
      }
    }
    return res
  }

  private async send(
    path: string,
    query: Query,
    headers: Record<string, string>,
    stream = false,
    body?: RequestBody,
  ): Promise<{ ok: true; response: Response } | ({ ok: false } & PlatformFailure)> {
    try {
      let token = await this.o.tokens.get()
      const url = new URL(`${this.o.baseUrl.replace(/\/+$/, '')}${path}`)
      for (const [k, v] of Object.entries(query))
        if (v !== undefined && v !== '') url.searchParams.set(k, String(v))
      let response = await this.request(url, token, headers, stream, body)
      if (await tokenRefused(response, stream)) {
        await response.body?.cancel()
        this.o.tokens.invalidate(token)
        token = await this.o.tokens.get()
        response = await this.request(url, token, headers, stream, body)
      }
      return { ok: true, response }
    } catch (err) {
      if (err instanceof TokenError) return { ok: false, kind: 'token', message: err.message }
      if (err instanceof RedirectRefused)
        return { ok: false, kind: 'redirect', problem: err.problem, target: err.target }
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
        return { ok: false, kind: 'timeout' }
      return {
        ok: false,
        kind: 'unreachable',
        detail: err instanceof Error ? err.message : String(err),
      }
    }
  }

  private async request(
    url: URL,
    token: string,
    headers: Record<string, string>,
    stream: boolean,
    body?: RequestBody,
  ): Promise<Response> {
    const sent = body?.()
    const init = {
      ...(sent ? { method: sent.method, body: sent.body } : {}),
      headers: {
        wellcloud_token: token,
        accept: stream ? '*/*' : 'application/json',
        ...sent?.headers,
        ...headers,
      },
    }
    if (!stream)
      return fetchWithinOrigin(this.fetch, url, {
        ...init,
        signal: AbortSignal.timeout(this.o.timeoutMs),
      })
    // A long recording may take minutes to flow: only the wait for its first byte is bounded.
    const abort = new AbortController()
    const timer = setTimeout(
      () => abort.abort(new DOMException('no answer in time', 'TimeoutError')),
      this.o.timeoutMs,
    )
    try {
      return await fetchWithinOrigin(this.fetch, url, { ...init, signal: abort.signal })
    } finally {
      clearTimeout(timer)
    }
  }
}

/** The platform's JSON answer, or why it is not one (a business code, an HTTP error). */
async function readJson(response: Response): Promise<PlatformJson> {
  const text = await response.text()
  let body: unknown
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    return response.ok
      ? { ok: false, kind: 'http', httpStatus: 502, text: 'not JSON' }
      : httpFailure(response.status, text)
  }
  const code = businessCode(body)
  if (code) return { ok: false, ...code, httpStatus: response.status }
  if (!response.ok) return httpFailure(response.status, text)
  return { ok: true, data: body }
}

function businessCode(
  body: unknown,
): { kind: 'code'; code: number; message: string | null } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const b = body as { errorCode?: unknown; errorMessage?: unknown }
  const code = Number(b.errorCode)
  if (b.errorCode === undefined || b.errorCode === null || !Number.isFinite(code) || code === 0)
    return null
  return { kind: 'code', code, message: typeof b.errorMessage === 'string' ? b.errorMessage : null }
}

/** The business code of the platform's answer for a token it does not accept (seed 003 §4). */
const TOKEN_REFUSED_CODE = 401

/**
 * Whether the platform refused the access token: HTTP 401, or a JSON body with errorCode 401
 * whatever the HTTP status. A JSON answer is read from a copy, so the caller still reads it;
 * an audio stream is never read here.
 */
async function tokenRefused(response: Response, stream: boolean): Promise<boolean> {
  if (response.status === 401) return true
  const type = response.headers.get('content-type') ?? ''
  if (stream && !type.includes('json')) return false
  let body: unknown
  try {
    body = JSON.parse(await response.clone().text())
  } catch {
    return false
  }
  return businessCode(body)?.code === TOKEN_REFUSED_CODE
}

function httpFailure(httpStatus: number, text: string): { ok: false } & PlatformFailure {
  return { ok: false, kind: 'http', httpStatus, text: text.slice(0, 300) }
}
