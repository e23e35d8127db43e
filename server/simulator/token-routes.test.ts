import { afterEach, describe, expect, it } from 'vitest'
import { type Platform, startPlatform } from './platform-test-kit'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

const cdr = (p: Platform, token: string) =>
  p.app.inject({
    url: '/api/cdr/2.0/calls/open/call/no-such-call',
    headers: { wellcloud_token: token },
  })

describe('a dead access token', () => {
  it('is HTTP 401 by default, and ends early on request', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    expect((await cdr(p, token)).json()).toMatchObject({ errorCode: 14011 })
    const ended = await p.app.inject({ method: 'POST', url: '/sim/tokens/expire' })
    expect(ended.json()).toEqual({ expired: 1 })
    const refused = await cdr(p, token)
    expect(refused.statusCode).toBe(401)
    expect(refused.json()).toMatchObject({ errorCode: 401 })
    expect((await p.app.inject('/sim/keys')).json()).toMatchObject({ tokens: { issued: 1 } })
  })

  it('is HTTP 200 with errorCode 401 in the body with --token-error-in-body; other 401s stay', async () => {
    const p = (platform = startPlatform(['--token-error-in-body', '--token-ttl-sec', '60']))
    const token = await p.token()
    p.wallAdvance(61_000)
    for (const given of [token, 'not-a-token']) {
      const refused = await cdr(p, given)
      expect(refused.statusCode).toBe(200)
      expect(refused.json()).toMatchObject({
        errorCode: 401,
        errorMessage: expect.stringMatching(/wellcloud_token/) as string,
      })
    }
    // Only the access token's refusal moves into the body: wrong app credentials and a dead
    // CSTA session keep their HTTP 401.
    const wrongSecret = await p.app.inject({
      method: 'POST',
      url: '/accesstoken/apply',
      payload: { appId: 'demo-app', appSecret: 'nope', apiKey: 'demo-key' },
    })
    expect(wrongSecret.statusCode).toBe(401)
    const noSession = await p.app.inject({
      method: 'POST',
      url: '/api/csta/agent/state',
      payload: {
        func: 'SetState',
        agentMode: 'Ready',
        agentId: '5001@test.cc',
        device: '8001@test.cc',
      },
    })
    expect(noSession.statusCode).toBe(401)
    // A live token still works.
    expect((await cdr(p, await p.token())).json()).toMatchObject({ errorCode: 14011 })
  })
})
