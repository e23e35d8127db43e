import { describe, expect, it } from 'vitest'
import { agentStateEventSchema } from '../../src/shared/webhooks'
import { wireBody } from './event-factory'
import {
  MINUTE,
  newEvents,
  runUntilCallsEnded,
  SECOND,
  startPlatform,
  TZ,
} from './platform-test-kit'

// Each webhook variant as posted by the simulator, and as the relay's schemas read it.
const agentSchema = agentStateEventSchema(TZ)

describe('the simulator’s webhook variants', () => {
  it('writes event times in each format, and they read back to the same instant', async () => {
    const patterns = {
      dot: /^\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d\.\d{3}$/,
      dash: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
      iso: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/,
      'epoch-string': /^\d{13}$/,
    }
    for (const [format, pattern] of Object.entries(patterns)) {
      const p = startPlatform(['--time-format', format])
      p.sim.start()
      await p.advance(MINUTE)
      const [e] = newEvents(p, 0)
      expect([format, e!.stateChangeTime]).toEqual([format, expect.stringMatching(pattern)])
      expect(agentSchema.parse(e).approxTime).toBe(false)
      p.sim.stop()
    }
    const epoch = startPlatform(['--time-format', 'epoch'])
    epoch.sim.start()
    await epoch.advance(MINUTE)
    expect(typeof newEvents(epoch, 0)[0]!.stateChangeTime).toBe('number')
    epoch.sim.stop()
  })

  it('sends serials past 2^53 as bare JSON numbers, every digit kept, counting up by 1', async () => {
    const p = startPlatform(['--big-serials'])
    p.sim.start()
    await p.advance(MINUTE)
    const events = newEvents(p, 0)
    expect(events[0]!.serial).toBe('9007199254740993')
    expect(events[1]!.serial).toBe('9007199254740994')
    expect(wireBody({ eventName: 'callEnd', serial: 9007199254740993n })).toBe(
      '{"eventName":"callEnd","serial":9007199254740993}',
    )
    p.sim.stop()
  })

  it('starts the serial counter again every so many wall seconds, from --serial-start', async () => {
    const p = startPlatform(['--serial-start', '500', '--serial-restart-after-sec', '30'])
    p.sim.start()
    await p.advance(MINUTE)
    const before = newEvents(p, 0).map((e) => Number(e.serial))
    expect(before[0]).toBe(500)
    p.wallAdvance(30 * SECOND)
    const from = p.events.length
    await p.advance(MINUTE)
    const after = newEvents(p, from).map((e) => Number(e.serial))
    expect(after[0]).toBe(500)
    expect(after[0]!).toBeLessThan(before.at(-1)!)
    p.sim.stop()
  })

  it('plays the loose shapes, and the shared schemas still read them', async () => {
    const p = startPlatform(['--loose-shapes'])
    p.sim.start()
    await runUntilCallsEnded(p, 3)
    const events = newEvents(p, 0)
    const agentEvent = events.find((e) => e.eventName === 'agentStateEvent')!
    expect(agentEvent.lastStateLength).toMatch(/^\d\d:\d\d:\d\d$/)
    const call = events.find((e) => e.eventName === 'callEnd')!
    expect(call).toMatchObject({
      campaignInfo: '',
      userData: expect.stringMatching(/^\{/) as string,
      conferenced: expect.stringMatching(/^[01]$/) as string,
      transferred: expect.stringMatching(/^(true|false)$/) as string,
    })
    expect(Object.keys((call.segmentList as object[])[0]!).sort()).toEqual([
      'deviceId',
      'segmentType',
      'startTime',
    ])
    p.sim.stop()
  })
})
