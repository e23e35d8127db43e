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

  it('refuses an unknown time zone and a port out of range, naming each', () => {
    expect(() => loadConfig({ ...BASE, PLATFORM_TZ: 'Mars/Olympus' })).toThrow(/PLATFORM_TZ/)
    expect(() => loadConfig({ ...BASE, PORT: '70000' })).toThrow(/PORT/)
  })
})
