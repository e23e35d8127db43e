import path from 'node:path'

// A path that may need rewriting: it has a percent sign, an empty segment or a dot segment.
const NOT_PLAIN = /%|\/\/|\/\.\.?(?:\/|$)/

/**
 * The request target with its path in one canonical spelling: each segment percent-decoded
 * once, empty segments (`//`) dropped, `.` and `..` resolved (never above the root), and the
 * segment encoded again. The router then matches, and the auth check decides, on the path the
 * request really names: `/%61pi/users`, `//api/users` and `/api/%2e%2e/api/users` are all
 * `/api/users`. An encoded slash (`%2F`) stays inside its segment: it is part of a name, never
 * a separator. The query string is left as it is. A target that is not a path (`*`, an
 * absolute URL) or does not decode is returned unchanged for the router to refuse.
 */
export function normalizeRequestUrl(url: string): string {
  const q = url.indexOf('?')
  const pathname = q === -1 ? url : url.slice(0, q)
  if (!pathname.startsWith('/') || !NOT_PLAIN.test(pathname)) return url
  const segments = pathname.split('/')
  const kept: string[] = []
  for (let i = 1; i < segments.length; i++) {
    let segment: string
    try {
      segment = decodeURIComponent(segments[i]!)
    } catch {
      return url
    }
    const last = i === segments.length - 1
    if (segment === '' || segment === '.') {
      if (last) kept.push('') // a trailing slash stays
    } else if (segment === '..') {
      kept.pop()
      if (last) kept.push('')
    } else {
      kept.push(encodeURIComponent(segment))
    }
  }
  return `/${kept.join('/')}${q === -1 ? '' : url.slice(q)}`
}

// The relay answers these paths itself; everything else is the single-page app.
const RELAY_PREFIXES = ['/api', '/webhooks', '/socket.io']

/**
 * Whether a request path belongs to the single-page app rather than to the relay's own API,
 * webhook or socket: decided on the fully decoded and resolved path (encoded slashes too),
 * in any letter case, so no spelling of `/api/…` passes for a page.
 */
export function isAppPath(url: string): boolean {
  const q = url.indexOf('?')
  let decoded: string
  try {
    decoded = decodeURIComponent(q === -1 ? url : url.slice(0, q))
  } catch {
    return false
  }
  if (!decoded.startsWith('/')) return false
  const pathname = path.posix.normalize(decoded).toLowerCase()
  return !RELAY_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))
}
