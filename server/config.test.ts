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

  it('refuses an unknown time zone and a port out of range, naming each', () => {
    expect(() => loadConfig({ ...BASE, PLATFORM_TZ: 'Mars/Olympus' })).toThrow(/PLATFORM_TZ/)
    expect(() => loadConfig({ ...BASE, PORT: '70000' })).toThrow(/PORT/)
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
