import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { type FloorSettings } from '@/shared/settings'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { SettingsStore } from './settings.store'

const RELAY = { slThresholdSec: 20, shortAbandonSec: 5 }

describeEachStore('figure settings', (kind) => {
  let store: TestStore
  let settings: SettingsStore
  beforeEach(async () => {
    store = await openTestStore(kind)
    settings = new SettingsStore(store.db, RELAY)
    await settings.load()
  })
  afterEach(async () => {
    await store.dispose()
  })

  const withQueue = (slThresholdSec: number): FloorSettings => ({
    ...settings.get('test.cc'),
    queues: { '7001@test.cc': { slThresholdSec, slTargetPct: 90, shortAbandonSec: 3 } },
  })

  it("start from the relay's settings, and count a tenant's figures by its own once set", async () => {
    const rules = settings.figuresRules('test.cc')
    expect(rules('7001@test.cc')).toEqual({ ...RELAY, slTargetPct: 80 })
    await settings.put('test.cc', withQueue(45), 'root', 1)
    // The rules already handed out follow the change.
    expect(rules('7001@test.cc')).toEqual({
      slThresholdSec: 45,
      slTargetPct: 90,
      shortAbandonSec: 3,
    })
    expect(rules('7002@test.cc')).toEqual({ ...RELAY, slTargetPct: 80 })
    expect(settings.figuresRules('other.cc')('7001@test.cc')).toEqual({ ...RELAY, slTargetPct: 80 })
  })

  it('are there after a restart, read before anything is counted', async () => {
    await settings.put('test.cc', withQueue(45), 'root', 1)
    await settings.put('test.cc', withQueue(60), 'root', 2)
    const restarted = new SettingsStore(store.db, RELAY)
    await restarted.load()
    expect(restarted.get('test.cc')).toEqual(withQueue(60))
    expect(restarted.get('other.cc').queues).toEqual({})
  })

  it("pick up another relay process's change when reloaded", async () => {
    const there = new SettingsStore(store.db, RELAY)
    await there.put('test.cc', withQueue(45), 'root', 1)
    expect(settings.get('test.cc').queues).toEqual({})
    expect(await settings.reload('test.cc')).toEqual(withQueue(45))
    expect(settings.figuresRules('test.cc')('7001@test.cc').slThresholdSec).toBe(45)
  })

  it('fall back to the defaults when what is stored no longer fits', async () => {
    await sql`INSERT INTO settings (namespace, value, updated_at, updated_by)
      VALUES ('test.cc', ${'{"families":{}}'}, 1, 'root'), ('b.cc', ${'not json'}, 1, 'root')`.execute(
      store.db,
    )
    const restarted = new SettingsStore(store.db, RELAY)
    await restarted.load()
    expect(restarted.get('test.cc')).toEqual(settings.get('nowhere.cc'))
    expect(restarted.get('b.cc')).toEqual(settings.get('nowhere.cc'))
  })
  it('keep what was stored before the repeat-caller minimum existed, with the default of 2', async () => {
    const { repeatCallsMin: _, ...older } = withQueue(45)
    await sql`INSERT INTO settings (namespace, value, updated_at, updated_by)
      VALUES ('test.cc', ${JSON.stringify(older)}, 1, 'root')`.execute(store.db)
    const restarted = new SettingsStore(store.db, RELAY)
    await restarted.load()
    expect(restarted.get('test.cc')).toEqual({ ...withQueue(45), repeatCallsMin: 2 })
    expect(restarted.get('test.cc').queues['7001@test.cc']?.slThresholdSec).toBe(45)
  })
})
