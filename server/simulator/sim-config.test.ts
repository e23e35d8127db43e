import { describe, expect, it } from 'vitest'
import { LOAD_PROFILES } from './load-profile'
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
        load: LOAD_PROFILES.day,
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
        tenantId: 'demo-tenant',
        cmsDown: false,
        variants: {
          sessionExpiryCode: 401,
          bareDevices: false,
          tokenErrorInBody: false,
          timeFormat: 'dot',
          serialStart: null,
          serialRestartAfterSec: null,
          bigSerials: false,
          looseShapes: false,
          wavDays: null,
          cdrMaxSpanDays: null,
          cdrDatabases: 'month',
          cdrSplitMessage: 'named',
          callerInEvent: false,
        },
      },
    })
  })

  it('reads the webhook format variants: times, serials, loose shapes', () => {
    const r = parseSimConfig(
      [
        '--webhook',
        HOOK,
        '--time-format',
        'epoch-string',
        '--serial-start',
        '0009223372036854775807',
        '--serial-restart-after-sec',
        '90',
        '--big-serials',
        '--loose-shapes',
      ],
      {},
    )
    expect(r.ok && r.config.variants).toMatchObject({
      timeFormat: 'epoch-string',
      serialStart: '9223372036854775807',
      serialRestartAfterSec: 90,
      bigSerials: true,
      looseShapes: true,
    })
    const errors = [
      [['--time-format', 'rfc'], /^--time-format: /],
      [['--serial-start', '18446744073709551616'], /^--serial-start: expected digits up to/],
      [['--serial-start=-1'], /^--serial-start: /],
      [['--serial-restart-after-sec', '0'], /^--serial-restart-after-sec: /],
      [['--variants', 'some'], /^--variants: /],
    ] as const
    for (const [flags, message] of errors) {
      const wrong = parseSimConfig(['--webhook', HOOK, ...flags], {})
      expect(wrong.ok ? '' : wrong.error).toMatch(message)
    }
  })

  it('turns every variant on with --variants all, a flag given as well winning', () => {
    const all = parseSimConfig(['--webhook', HOOK, '--variants', 'all'], {})
    expect(all.ok && all.config.variants).toEqual({
      sessionExpiryCode: 426,
      bareDevices: true,
      tokenErrorInBody: true,
      timeFormat: 'iso',
      serialStart: null,
      serialRestartAfterSec: 300,
      bigSerials: true,
      looseShapes: true,
      wavDays: 7,
      cdrMaxSpanDays: null,
      cdrDatabases: 'month',
      cdrSplitMessage: 'plain',
      callerInEvent: true,
    })
    const mixed = parseSimConfig(
      [
        '--webhook',
        HOOK,
        '--variants',
        'all',
        '--time-format',
        'epoch',
        '--session-expiry-code',
        '401',
      ],
      {},
    )
    expect(mixed.ok && mixed.config.variants).toMatchObject({
      timeFormat: 'epoch',
      sessionExpiryCode: 401,
      looseShapes: true,
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
        '--csta-session-ttl-sec',
        '0',
      ],
      {},
    )
    expect(r.ok && r.config).toMatchObject({
      cstaSessionTtlSec: 0,
      variants: { sessionExpiryCode: 426, bareDevices: true, tokenErrorInBody: true },
    })
    const wrong = parseSimConfig(['--webhook', HOOK, '--session-expiry-code', '500'], {})
    expect(wrong.ok ? '' : wrong.error).toMatch(/^--session-expiry-code: /)
  })

  it('plays the recordings window and the CDR limits on request', () => {
    const r = parseSimConfig(
      [
        '--webhook',
        HOOK,
        '--wav-days',
        '0',
        '--cdr-max-span-days',
        '31',
        '--cdr-databases',
        'none',
        '--cdr-split-message',
        'plain',
      ],
      {},
    )
    expect(r.ok && r.config.variants).toMatchObject({
      wavDays: 0,
      cdrMaxSpanDays: 31,
      cdrDatabases: 'none',
      cdrSplitMessage: 'plain',
    })
    const wrong = parseSimConfig(['--webhook', HOOK, '--cdr-databases', 'year'], {})
    expect(wrong.ok ? '' : wrong.error).toMatch(/^--cdr-databases: /)
    const negative = parseSimConfig(['--webhook', HOOK, '--wav-days', 'soon'], {})
    expect(negative.ok ? '' : negative.error).toMatch(/^--wav-days: /)
  })

  it('reads the tenant id and the cms switch of the outbound APIs', () => {
    const r = parseSimConfig(['--webhook', HOOK, '--tenant-id', 'acme-01', '--cms-down'], {})
    expect(r.ok && r.config).toMatchObject({ tenantId: 'acme-01', cmsDown: true })
    // The cms is no variant of the platform: --variants all leaves it up.
    const all = parseSimConfig(['--webhook', HOOK, '--variants', 'all'], {})
    expect(all.ok && all.config.cmsDown).toBe(false)
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
    [['--webhook', HOOK, '--load', 'rush'], /--load/],
    [['--webhook', HOOK, '--tz', 'Mars/Olympus'], /--tz: expected an IANA time zone/],
    [['--webhook', HOOK, '--port', '70000'], /--port/],
    [['--webhook', HOOK, '--token-ttl-sec', '0'], /--token-ttl-sec/],
    [['--webhook', HOOK, '--csta-password', ''], /--csta-password/],
    [['--webhook', HOOK, '--tenant-id', 'a b'], /--tenant-id/],
    [['--webhook', HOOK, '--bogus', '1'], /bogus/],
  ])('rejects %j, naming the flag', (argv, message) => {
    const r = parseSimConfig(argv, {})
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error).toMatch(message)
  })
})
