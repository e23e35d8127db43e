import { describe, expect, it } from 'vitest'
import { parseSimConfig } from './sim-config'

const HOOK = 'http://127.0.0.1:8080/webhooks/wellcloud?token=abc'

describe('parseSimConfig', () => {
  it('fills the defaults, scaling the call rates with the floor', () => {
    const r = parseSimConfig(['--webhook', HOOK], {})
    expect(r).toEqual({
      ok: true,
      config: {
        webhookUrl: HOOK,
        agents: 60,
        skills: 4,
        inboundPerMin: expect.closeTo(13.2, 5) as number,
        outboundPerMin: expect.closeTo(1.2, 5) as number,
        speed: 1,
        retryUnitMs: 60_000,
        namespace: 'test.cc',
        timeZone: 'Asia/Shanghai',
        seed: undefined,
        port: 0,
        host: '127.0.0.1',
        cstaUsername: 'supervisor-service',
        cstaPassword: 'demo-password',
        cstaSessionTtlSec: 1_800,
        appId: 'demo-app',
        appSecret: 'demo-secret',
        apiKey: 'demo-key',
        tokenTtlSec: 86_400,
        audioCacheBytes: 200 * 1_048_576,
        variants: {
          sessionExpiryCode: 401,
          bareDevices: false,
          tokenErrorInBody: false,
          callerInEvent: false,
        },
      },
    })
  })

  it('plays the variants of the real platform on request', () => {
    const r = parseSimConfig(
      [
        '--webhook',
        HOOK,
        '--session-expiry-code',
        '426',
        '--bare-devices',
        '--token-error-in-body',
        '--caller-in-event',
        '--csta-session-ttl-sec',
        '0',
      ],
      {},
    )
    expect(r.ok && r.config).toMatchObject({
      cstaSessionTtlSec: 0,
      variants: {
        sessionExpiryCode: 426,
        bareDevices: true,
        tokenErrorInBody: true,
        callerInEvent: true,
      },
    })
    const wrong = parseSimConfig(['--webhook', HOOK, '--session-expiry-code', '500'], {})
    expect(wrong.ok ? '' : wrong.error).toMatch(/^--session-expiry-code: /)
  })

  it('reads the webhook and zone from the environment, flags winning', () => {
    const env = { SIM_WEBHOOK_URL: HOOK, PLATFORM_TZ: 'Asia/Tokyo' }
    const r = parseSimConfig(
      ['--agents', '10', '--rate', '3', '--speed', '2.5', '--seed', '1'],
      env,
    )
    expect(r.ok && r.config).toMatchObject({
      webhookUrl: HOOK,
      timeZone: 'Asia/Tokyo',
      agents: 10,
      inboundPerMin: 3,
      speed: 2.5,
      seed: 1,
    })
    const flagged = parseSimConfig(['--webhook', 'http://other/x', '--tz', 'UTC'], env)
    expect(flagged.ok && flagged.config).toMatchObject({
      webhookUrl: 'http://other/x',
      timeZone: 'UTC',
    })
  })

  it.each([
    [[], /--webhook/],
    [['--webhook', 'not a url'], /--webhook: expected an http\(s\) URL/],
    [['--webhook', 'ftp://x/y'], /--webhook/],
    [['--webhook', HOOK, '--agents', '0'], /--agents/],
    [['--webhook', HOOK, '--speed', 'fast'], /--speed/],
    [['--webhook', HOOK, '--tz', 'Mars/Olympus'], /--tz: expected an IANA time zone/],
    [['--webhook', HOOK, '--port', '70000'], /--port/],
    [['--webhook', HOOK, '--token-ttl-sec', '0'], /--token-ttl-sec/],
    [['--webhook', HOOK, '--csta-password', ''], /--csta-password/],
    [['--webhook', HOOK, '--bogus', '1'], /bogus/],
  ])('rejects %j, naming the flag', (argv, message) => {
    const r = parseSimConfig(argv, {})
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatch(message)
  })
})
