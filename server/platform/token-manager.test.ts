import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakePlatform } from '../testing/fake-platform'
import { PlatformClient } from './platform.client'
import { TokenManager } from './token-manager'

let platform: FakePlatform
let issued = 0

beforeEach(async () => {
  issued = 0
  platform = await new FakePlatform().start()
})
afterEach(async () => {
  await platform.stop()
})

function tokens(over: Partial<ConstructorParameters<typeof TokenManager>[0]> = {}) {
  return new TokenManager({
    baseUrl: platform.url,
    appId: 'app',
    appSecret: 'secret',
    apiKey: 'key',
    encoding: 'json',
    timeoutMs: 1000,
    ...over,
  })
}

const applies = () => platform.requests.filter((r) => r.url === '/accesstoken/apply')

describe('the access token', () => {
  it('is fetched by one request however many callers wait, with the app credentials as JSON', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply'
        ? { status: 200, body: { accessToken: `t${++issued}` }, delayMs: 50 }
        : undefined,
    )
    const t = tokens()
    const all = await Promise.all(Array.from({ length: 20 }, () => t.get()))
    expect(new Set(all)).toEqual(new Set(['t1']))
    expect(applies()).toHaveLength(1)
    expect(JSON.parse(applies()[0]!.body)).toEqual({
      appId: 'app',
      appSecret: 'secret',
      apiKey: 'key',
    })
    expect(applies()[0]!.headers['content-type']).toBe('application/json')
  })

  it('reads the token and its lifetime from the shapes platforms answer, and renews it before it runs out', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply'
        ? { status: 200, body: { data: { access_token: `t${++issued}`, expires_in: 600 } } }
        : undefined,
    )
    let now = 1_000_000
    const t = tokens({ now: () => now })
    expect(await t.get()).toBe('t1')
    now += 530_000 // still more than a tenth of its 600 s life left
    expect(await t.get()).toBe('t1')
    now += 20_000 // inside the renewal margin
    expect(await t.get()).toBe('t2')
  })

  it('can post the credentials as a form', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply' ? { status: 200, body: { token: 'form-token' } } : undefined,
    )
    expect(await tokens({ encoding: 'form' }).get()).toBe('form-token')
    expect(Object.fromEntries(new URLSearchParams(applies()[0]!.body))).toEqual({
      appId: 'app',
      appSecret: 'secret',
      apiKey: 'key',
    })
  })

  it('is refreshed and the call retried once when the platform answers 401', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply'
        ? { status: 200, body: { accessToken: `t${++issued}` } }
        : undefined,
    )
    platform.on((r) =>
      r.url.startsWith('/api/')
        ? r.headers.wellcloud_token === 't1'
          ? { status: 401 }
          : { status: 200, body: { list: [] } }
        : undefined,
    )
    const client = new PlatformClient({ baseUrl: platform.url, tokens: tokens(), timeoutMs: 1000 })
    const res = await client.getJson('/api/cdr/2.0/calls/open', { p: 1 })
    expect(res.ok).toBe(true)
    expect(
      platform.requests
        .filter((r) => r.url.startsWith('/api/'))
        .map((r) => r.headers.wellcloud_token),
    ).toEqual(['t1', 't2'])
  })

  it('takes errorCode 401 in an HTTP 200 for a refused token too: one new token, one retry', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply'
        ? { status: 200, body: { accessToken: `t${++issued}` }, delayMs: 30 }
        : undefined,
    )
    const expired = { status: 200, body: { errorCode: 401, errorMessage: 'ssid无效' } }
    platform.on((r) =>
      r.url.startsWith('/api/')
        ? r.headers.wellcloud_token === 't1'
          ? expired
          : r.url.includes('/stream')
            ? {
                status: 200,
                raw: Buffer.from('ID3audio'),
                headers: { 'content-type': 'audio/mpeg' },
              }
            : { status: 200, body: { list: [] } }
        : undefined,
    )
    const client = new PlatformClient({ baseUrl: platform.url, tokens: tokens(), timeoutMs: 1000 })
    // Ten at once, all refused with t1: they share one new token.
    const all = await Promise.all(
      Array.from({ length: 10 }, () => client.getJson('/api/cdr/2.0/calls/open', { p: 1 })),
    )
    expect(all.every((r) => r.ok)).toBe(true)
    expect(applies()).toHaveLength(2)
    const stream = await client.getStream(
      '/api/cdr/2.0/recordings/open/call/c/stream',
      {},
      undefined,
    )
    expect(stream.ok && stream.response.headers.get('content-type')).toBe('audio/mpeg')

    // Refused again after the new token: the business error comes back, no third token.
    platform.on((r) => (r.url.startsWith('/api/') ? expired : undefined))
    expect(await client.getJson('/api/cdr/2.0/calls/open')).toMatchObject({
      ok: false,
      kind: 'code',
      code: 401,
      message: 'ssid无效',
    })
    expect(applies()).toHaveLength(3)
  })

  it('says what is wrong when the credentials are refused or missing', async () => {
    platform.on((r) =>
      r.url === '/accesstoken/apply' ? { status: 401, body: { errorCode: 401 } } : undefined,
    )
    const client = new PlatformClient({ baseUrl: platform.url, tokens: tokens(), timeoutMs: 1000 })
    expect(await client.getJson('/api/x')).toMatchObject({
      ok: false,
      kind: 'token',
      message: expect.stringContaining('refused the app credentials') as string,
    })
    const unset = new PlatformClient({
      baseUrl: '',
      tokens: tokens({ baseUrl: '', appId: '' }),
      timeoutMs: 1000,
    })
    expect(await unset.getJson('/api/x')).toMatchObject({
      ok: false,
      kind: 'token',
      message: expect.stringContaining('not configured') as string,
    })
  })
})
