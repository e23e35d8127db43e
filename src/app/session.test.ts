import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queryClient } from '@/lib/query-client'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { prefetchSession } from './session'

// Only whether the page opens its live link, and when: the socket module is tested on its own.
const link = vi.hoisted(() => ({ connect: vi.fn(), disconnect: vi.fn(), onSessionEnded: vi.fn() }))
vi.mock('./floor-link', () => ({ floorLink: link }))
vi.mock('@/lib/floor-socket', () => ({ preloadSocketClient: vi.fn() }))

const ME = {
  kind: 'user',
  id: 2,
  username: 'lead',
  role: 'supervisor',
  scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
  deviceId: null,
  phoneNumber: null,
}

beforeEach(() => link.connect.mockClear())
afterEach(() => {
  queryClient.clear()
  vi.unstubAllGlobals()
})

describe('prefetchSession', () => {
  it('asks who is signed in before the first render, and opens the live link for them', async () => {
    const fetch = fakeFetch({ 'GET /api/me': json(200, ME) })
    prefetchSession('/')
    expect(fetch.calls.map((c) => c.path)).toEqual(['/api/me'])
    await vi.waitFor(() => expect(link.connect).toHaveBeenCalledTimes(1))
    expect(queryClient.getQueryData(['me'])).toMatchObject({ username: 'lead' })
  })

  it('leaves the link closed when nobody is signed in', async () => {
    const fetch = fakeFetch({ 'GET /api/me': json(401, { error: 'unauthorized', message: 'no' }) })
    prefetchSession('/calls')
    await vi.waitFor(() => expect(queryClient.getQueryState(['me'])?.status).toBe('error'))
    expect(fetch.calls).toHaveLength(1)
    expect(link.connect).not.toHaveBeenCalled()
  })

  it('asks nothing on the sign-in page', () => {
    const fetch = fakeFetch({ 'GET /api/me': json(200, ME) })
    prefetchSession('/login')
    expect(fetch.calls).toHaveLength(0)
    expect(link.connect).not.toHaveBeenCalled()
  })
})
