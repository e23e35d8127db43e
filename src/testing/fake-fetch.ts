import { vi } from 'vitest'

type Reply = Response | Promise<Response> | (() => Response | Promise<Response>)

/** A JSON answer, as the relay gives it. */
export function json(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

export interface FakeFetch {
  /** Every request made: method, path, headers and parsed body. */
  calls: { method: string; path: string; headers: Headers; body: unknown }[]
  /** Sets (or replaces) the answer to `"METHOD /path"`; a function also gets the whole URL. */
  on(route: string, reply: Reply | ((body: unknown, url: URL) => Reply)): void
}

/**
 * Stands in for `fetch` at the page's boundary: answers by `"METHOD /path"`, 404 otherwise.
 * Restore with `vi.unstubAllGlobals()`.
 */
export function fakeFetch(
  routes: Record<string, Reply | ((body: unknown, url: URL) => Reply)> = {},
): FakeFetch {
  const table = new Map(Object.entries(routes))
  const calls: FakeFetch['calls'] = []
  const impl = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
    const method = (init.method ?? 'GET').toUpperCase()
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    calls.push({ method, path: url.pathname, headers: new Headers(init.headers), body })
    const reply = table.get(`${method} ${url.pathname}`)
    if (reply === undefined) return json(404, { error: 'not_found', message: 'no such route' })
    const answer = typeof reply === 'function' ? reply(body, url) : reply
    const resolved = await (typeof answer === 'function' ? answer() : answer)
    return resolved.clone()
  }
  vi.stubGlobal('fetch', vi.fn(impl))
  return { calls, on: (route, reply) => void table.set(route, reply) }
}
