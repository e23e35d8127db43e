// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { API_ERROR_CODES } from '@/shared/errors'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { ApiError, apiRequest, setUnauthorizedHandler } from './api-client'

beforeEach(() => {
  document.cookie = 'csrf=tok%2Ben123; path=/'
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
})

describe('apiRequest', () => {
  it('sends the csrf cookie as x-csrf-token on mutations, and only on them', async () => {
    const fetch = fakeFetch({
      'GET /api/users': json(200, []),
      'POST /api/users': json(201, { ok: true }),
      'PATCH /api/users/3': json(200, { ok: true }),
      'DELETE /api/kiosks/4': new Response(null, { status: 204 }),
    })
    await apiRequest('/api/users')
    await apiRequest('/api/users', { method: 'POST', body: { username: 'ann' } })
    await apiRequest('/api/users/3', { method: 'PATCH', body: { disabled: true } })
    await apiRequest('/api/kiosks/4', { method: 'DELETE' })
    const [get, post, patch, del] = fetch.calls
    expect(get?.headers.get('x-csrf-token')).toBeNull()
    expect(post?.headers.get('x-csrf-token')).toBe('tok+en123')
    expect(post?.headers.get('content-type')).toBe('application/json')
    expect(post?.body).toEqual({ username: 'ann' })
    expect(patch?.headers.get('x-csrf-token')).toBe('tok+en123')
    expect(del?.headers.get('x-csrf-token')).toBe('tok+en123')
  })

  it('resolves a 204 to undefined and checks an answer against its schema', async () => {
    fakeFetch({
      'POST /api/auth/logout': new Response(null, { status: 204 }),
      'GET /api/me': json(200, { id: 'not a number' }),
    })
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(
      apiRequest('/api/me', { schema: z.object({ id: z.number() }) }),
    ).rejects.toMatchObject({ error: 'bad_response', status: 200 })
  })

  it('turns an error answer into an ApiError with status, code, reason and wait', async () => {
    fakeFetch({
      'POST /api/auth/login': json(
        429,
        {
          error: 'throttled',
          reason: 'throttled',
          retryAfterSec: 540,
          message: 'too many failed sign-ins: try again in 9 minutes',
        },
        { 'retry-after': '540' },
      ),
      'POST /api/users': json(400, {
        error: 'invalid_request',
        message: 'username: at least 2 characters',
      }),
    })
    const throttled = await apiRequest('/api/auth/login', {
      method: 'POST',
      body: {},
      authRedirect: false,
    }).catch((e: unknown) => e)
    expect(throttled).toBeInstanceOf(ApiError)
    expect(throttled).toMatchObject({
      status: 429,
      error: 'throttled',
      reason: 'throttled',
      retryAfterSec: 540,
      message: 'too many failed sign-ins: try again in 9 minutes',
    })
    const invalid = (await apiRequest('/api/users', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    )) as ApiError
    expect(invalid.error).toBe('invalid_request')
    expect(invalid.field).toEqual({ name: 'username', message: 'at least 2 characters' })
  })

  it('knows the codes every route may answer, and reads any other as a server error', async () => {
    const answers: Record<string, Response> = {}
    for (const code of [...API_ERROR_CODES, 'split_required', 'rate_limited'])
      answers[`GET /api/${code}`] = json(400, { error: code, message: `said ${code}` })
    fakeFetch(answers)
    const read = (code: string) =>
      apiRequest(`/api/${code}`).catch((e: unknown) => e) as Promise<ApiError>
    for (const code of API_ERROR_CODES) expect((await read(code)).error, code).toBe(code)
    // A route's own code still reaches the page, in the body it keeps.
    const split = await read('split_required')
    expect(split).toMatchObject({ error: 'server', message: 'said split_required' })
    expect(split.body).toMatchObject({ error: 'split_required' })
    expect((await read('rate_limited')).error).toBe('server')
  })

  it('calls no answer at all a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, error: 'network' })
  })

  it('tells the 401 hook about a lost session, but not about a wrong password', async () => {
    const lost = vi.fn()
    const remove = setUnauthorizedHandler(lost)
    fakeFetch({
      'GET /api/users': json(401, { error: 'unauthenticated', reason: 'expired', message: 'x' }),
      'POST /api/auth/login': json(401, {
        error: 'unauthenticated',
        reason: 'bad_credentials',
        message: 'wrong user name or password',
      }),
    })
    await expect(apiRequest('/api/users')).rejects.toMatchObject({ status: 401 })
    expect(lost).toHaveBeenCalledOnce()
    expect(lost.mock.calls[0]?.[0]).toMatchObject({ status: 401, reason: 'expired' })
    await expect(
      apiRequest('/api/auth/login', { method: 'POST', body: {}, authRedirect: false }),
    ).rejects.toMatchObject({ reason: 'bad_credentials' })
    expect(lost).toHaveBeenCalledOnce()
    remove()
    await apiRequest('/api/users').catch(() => {})
    expect(lost).toHaveBeenCalledOnce()
  })
})
