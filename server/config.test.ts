import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const BASE = { WEBHOOK_TOKEN: 'a-webhook-token-of-some-length', DATA_DIR: '/tmp/unused' }

describe('the relay settings', () => {
  it('sends floor changes every 100 ms unless told otherwise', () => {
    expect(loadConfig(BASE).floorFlushMs).toBe(100)
    expect(loadConfig({ ...BASE, FLOOR_FLUSH_MS: '25' }).floorFlushMs).toBe(25)
  })

  it('refuses a flush window it cannot keep, naming the setting', () => {
    for (const bad of ['0', '5', '2000', 'soon', '12.5']) {
      expect(() => loadConfig({ ...BASE, FLOOR_FLUSH_MS: bad })).toThrow(ConfigError)
      expect(() => loadConfig({ ...BASE, FLOOR_FLUSH_MS: bad })).toThrow(/FLOOR_FLUSH_MS/)
    }
  })

  it('reads the outbound prefix and tenant id, refusing ones the platform could not take', () => {
    expect(loadConfig(BASE).platform).toMatchObject({ outboundPrefix: '', tenantId: null })
    const set = loadConfig({ ...BASE, WELLCLOUD_OUTBOUND_PREFIX: '9', WELLCLOUD_TENANT_ID: 't-1' })
    expect(set.platform).toMatchObject({ outboundPrefix: '9', tenantId: 't-1' })
    for (const bad of ['9a', '12345678901', '+9']) {
      expect(() => loadConfig({ ...BASE, WELLCLOUD_OUTBOUND_PREFIX: bad }), bad).toThrow(
        /WELLCLOUD_OUTBOUND_PREFIX/,
      )
    }
    for (const bad of ['a b', 't/1', 'x'.repeat(65)]) {
      expect(() => loadConfig({ ...BASE, WELLCLOUD_TENANT_ID: bad }), bad).toThrow(
        /WELLCLOUD_TENANT_ID/,
      )
    }
  })

  it('keeps everything in the embedded file unless DATABASE_URL names a PostgreSQL', () => {
    expect(loadConfig(BASE)).toMatchObject({ databaseUrl: null, cluster: null })
    const pg = 'postgres://console@db.example:5432/console'
    expect(loadConfig({ ...BASE, DATABASE_URL: pg }).databaseUrl).toBe(pg)
    for (const bad of ['mysql://x@y/z', 'db.example:5432', 'postgres://']) {
      expect(() => loadConfig({ ...BASE, DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL/)
    }
  })

  it('turns cluster mode on with REDIS_URL, and only beside PostgreSQL', () => {
    const pg = { ...BASE, DATABASE_URL: 'postgres://console@db.example/console' }
    const on = loadConfig({
      ...pg,
      REDIS_URL: 'redis://cache.example:6379',
      RELAY_NODE_ID: 'relay-a',
    })
    expect(on.cluster).toEqual({
      redisUrl: 'redis://cache.example:6379',
      prefix: 'wellcloud:',
      nodeId: 'relay-a',
      reconcileMs: 5_000,
    })
    expect(
      loadConfig({ ...pg, REDIS_URL: 'redis://cache.example:6379', CLUSTER_RECONCILE_SEC: '30' })
        .cluster?.reconcileMs,
    ).toBe(30_000)
    expect(() =>
      loadConfig({ ...pg, REDIS_URL: 'redis://cache.example:6379', CLUSTER_RECONCILE_SEC: '0' }),
    ).toThrow(/CLUSTER_RECONCILE_SEC/)
    expect(() => loadConfig({ ...BASE, REDIS_URL: 'redis://cache.example:6379' })).toThrow(
      /REDIS_URL: cluster mode needs DATABASE_URL/,
    )
    expect(() => loadConfig({ ...pg, REDIS_URL: 'cache.example' })).toThrow(/REDIS_URL/)
    expect(() =>
      loadConfig({ ...pg, REDIS_URL: 'redis://cache.example', REDIS_PREFIX: 'has space' }),
    ).toThrow(/REDIS_PREFIX/)
  })

  it('believes no proxy unless TRUST_PROXY names them or a hop count', () => {
    expect(loadConfig(BASE).trustProxy).toBe(false)
    expect(loadConfig({ ...BASE, TRUST_PROXY: 'off' }).trustProxy).toBe(false)
    expect(loadConfig({ ...BASE, TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(
      loadConfig({ ...BASE, TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,::1,loopback' }).trustProxy,
    ).toEqual(['10.0.0.1', '172.16.0.0/12', '::1', 'loopback'])
    for (const bad of ['true', '*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/8', '::1/129']) {
      expect(() => loadConfig({ ...BASE, TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
    }
  })

  it('keeps no webhook capture unless told, and bounds the quarantine', () => {
    const config = loadConfig(BASE)
    expect(config.capture).toEqual({ on: false, days: 3 })
    expect(config.quarantine).toEqual({ days: 30, maxEntries: 1000, maxBytes: 64 * 1024 * 1024 })
    const on = loadConfig({ ...BASE, WEBHOOK_CAPTURE: 'on', WEBHOOK_CAPTURE_DAYS: '0.5' })
    expect(on.capture).toEqual({ on: true, days: 0.5 })
    for (const [name, bad] of [
      ['WEBHOOK_CAPTURE', 'yes'],
      ['WEBHOOK_CAPTURE_DAYS', '0'],
      ['WEBHOOK_QUARANTINE_MAX_ENTRIES', '0'],
      ['WEBHOOK_QUARANTINE_MAX_MB', '0.5'],
      ['WEBHOOK_QUARANTINE_DAYS', 'forever'],
    ] as const) {
      expect(() => loadConfig({ ...BASE, [name]: bad }), name).toThrow(new RegExp(name))
    }
  })

  it('orders events more than 60 s apart by time unless SERIAL_RESET_SEC says otherwise', () => {
    expect(loadConfig(BASE).serialResetMs).toBe(60_000)
    expect(loadConfig({ ...BASE, SERIAL_RESET_SEC: '300' }).serialResetMs).toBe(300_000)
    for (const bad of ['0', '-5', '1.5', 'soon', '86401'])
      expect(() => loadConfig({ ...BASE, SERIAL_RESET_SEC: bad }), bad).toThrow(/SERIAL_RESET_SEC/)
  })

  it('refuses an unknown time zone and a port out of range, naming each', () => {
    expect(() => loadConfig({ ...BASE, PLATFORM_TZ: 'Mars/Olympus' })).toThrow(/PLATFORM_TZ/)
    expect(() => loadConfig({ ...BASE, PORT: '70000' })).toThrow(/PORT/)
  })

  it('reads the tokens of further tenants from WEBHOOK_TOKENS', () => {
    expect(loadConfig(BASE).webhookTokens).toEqual([])
    const config = loadConfig({
      ...BASE,
      WELLCLOUD_NAMESPACE: 'a.cc',
      WEBHOOK_TOKENS:
        ' b.cc=token-of-tenant-b-123 , c.cc=token-of-tenant-c-123,b.cc=next-token-of-b-123,',
    })
    expect(config.webhookToken).toBe(BASE.WEBHOOK_TOKEN)
    expect(config.webhookTokens).toEqual([
      { namespace: 'b.cc', token: 'token-of-tenant-b-123' },
      { namespace: 'c.cc', token: 'token-of-tenant-c-123' },
      { namespace: 'b.cc', token: 'next-token-of-b-123' },
    ])
    // A token may end in base64 padding.
    expect(
      loadConfig({ ...BASE, WEBHOOK_TOKENS: 'b.cc=abcdefghijklmnop==' }).webhookTokens,
    ).toEqual([{ namespace: 'b.cc', token: 'abcdefghijklmnop==' }])
  })

  it('refuses a WEBHOOK_TOKENS it cannot read, saying what is wrong without the token', () => {
    const cases: [string, RegExp][] = [
      ['b.cc', /WEBHOOK_TOKENS: pair 1 is not namespace=token/],
      ['=token-of-tenant-b-123', /pair 1 is not namespace=token/],
      ['b.cc=short-token', /pair 1 \(b\.cc\): the token must be at least 16 characters/],
      ['b.cc=token-of-tenant-b-123,c.cc', /pair 2 is not namespace=token/],
      ['b c=token-of-tenant-b-123', /pair 1: the namespace must be a domain/],
      [
        'b.cc=token-of-tenant-b-123,c.cc=token-of-tenant-b-123',
        /pair 2 \(c\.cc\): the same token is given for b\.cc/,
      ],
      [`b.cc=${BASE.WEBHOOK_TOKEN}`, /the token given for b\.cc is WEBHOOK_TOKEN/],
    ]
    for (const [value, message] of cases) {
      const load = () => loadConfig({ ...BASE, WEBHOOK_TOKENS: value })
      expect(load, value).toThrow(ConfigError)
      expect(load, value).toThrow(message)
      try {
        load()
      } catch (err) {
        expect((err as Error).message).not.toMatch(/token-of-tenant-b-123|short-token/)
      }
    }
    // WEBHOOK_TOKEN may be listed again for its own tenant (harmless).
    const own = loadConfig({ ...BASE, WEBHOOK_TOKENS: `test.cc=${BASE.WEBHOOK_TOKEN}` })
    expect(own.webhookTokens).toHaveLength(1)
  })

  it('keeps events 14 days, calls 90, recordings 30 unused and the audit log a year by default', () => {
    const c = loadConfig(BASE)
    expect([
      c.eventRetentionDays,
      c.callRetentionDays,
      c.recordingCacheDays,
      c.auditRetentionDays,
    ]).toEqual([14, 90, 30, 365])
    expect(loadConfig({ ...BASE, CALL_RETENTION_DAYS: '400' }).callRetentionDays).toBe(400)
    for (const name of ['CALL_RETENTION_DAYS', 'RECORDING_CACHE_DAYS', 'AUDIT_RETENTION_DAYS'])
      for (const bad of ['0', '-1', '1.5', 'forever'])
        expect(() => loadConfig({ ...BASE, [name]: bad })).toThrow(new RegExp(name))
  })
})
