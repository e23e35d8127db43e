import { describe, expect, it } from 'vitest'
import { isAppPath, normalizeRequestUrl } from './request-path'

describe('the canonical request path', () => {
  it('decodes once, drops empty segments and resolves dot segments', () => {
    const cases: [string, string][] = [
      ['/%61pi/users', '/api/users'],
      ['/%61%70%69/health/details', '/api/health/details'],
      ['//api/users', '/api/users'],
      ['/api//users', '/api/users'],
      ['/api/./users', '/api/users'],
      ['/api/%2e%2e/api/users', '/api/users'],
      ['/api/%2E%2E/api/users', '/api/users'],
      ['/api/.%2e/api/users', '/api/users'],
      ['/a/b/../../api/users', '/api/users'],
      ['/../../api/users', '/api/users'],
      ['/calls/', '/calls/'],
      ['/calls/..', '/'],
      ['//', '/'],
    ]
    for (const [url, expected] of cases) expect(normalizeRequestUrl(url), url).toBe(expected)
  })

  it('keeps the query string and leaves a plain path alone', () => {
    expect(normalizeRequestUrl('/%61pi/calls?from=a%2Fb&x=..')).toBe('/api/calls?from=a%2Fb&x=..')
    const plain = '/webhooks/wellcloud?token=abc'
    expect(normalizeRequestUrl(plain)).toBe(plain)
  })

  it('never decodes twice, and keeps an encoded slash inside its segment', () => {
    expect(normalizeRequestUrl('/%2561pi/users')).toBe('/%2561pi/users')
    expect(normalizeRequestUrl('/api%2Fusers')).toBe('/api%2Fusers')
    expect(normalizeRequestUrl('/api/calls/..%2F..%2Fusers')).toBe('/api/calls/..%2F..%2Fusers')
    expect(normalizeRequestUrl('/api/agents/5001%40test.cc/timeline')).toBe(
      '/api/agents/5001%40test.cc/timeline',
    )
  })

  it('returns what it cannot read unchanged, for the router to refuse', () => {
    expect(normalizeRequestUrl('/api/%zz')).toBe('/api/%zz')
    expect(normalizeRequestUrl('*')).toBe('*')
    expect(normalizeRequestUrl('http://elsewhere/%61pi')).toBe('http://elsewhere/%61pi')
  })
})

describe('a path of the app', () => {
  it('is anything outside the relay’s own prefixes, however those are spelled', () => {
    for (const page of ['/', '/login', '/calls', '/admin/users?tab=2', '/apis', '/%2561pi/users']) {
      expect(isAppPath(page), page).toBe(true)
    }
    for (const relayPath of [
      '/api',
      '/api/users',
      '/API/Users',
      '/api%2Fusers',
      '/%2F%2Fapi/users',
      '/x%2F..%2Fapi/users',
      '/webhooks/wellcloud',
      '/socket.io/',
      '/%zz',
      'http://elsewhere/',
    ]) {
      expect(isAppPath(relayPath), relayPath).toBe(false)
    }
  })
})
