import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeWithRedis, redisForTest, testPrefix } from '../testing/redis'
import { Leadership } from './leader'

describeWithRedis('leadership', () => {
  let prefix: string
  let redis: ReturnType<typeof redisForTest>
  const leaders: Leadership[] = []
  beforeEach(() => {
    prefix = testPrefix()
    redis = redisForTest(prefix)
  })
  afterEach(async () => {
    for (const l of leaders.splice(0)) await l.stop()
    await redis.dispose()
  })

  function contender(nodeId: string, log: string[], ttlMs = 60_000) {
    const l = new Leadership({
      redis: redis.connect(nodeId),
      key: `${prefix}leader:prune`,
      nodeId,
      ttlMs,
      onChange: (leading) => log.push(`${nodeId} ${leading ? 'leads' : 'follows'}`),
    })
    leaders.push(l)
    return l
  }

  it('gives the work to one process at a time, and to another once the first stops', async () => {
    const log: string[] = []
    const a = contender('a', log)
    const b = contender('b', log)
    await a.tick()
    await b.tick()
    await a.tick()
    expect([a.isLeader, b.isLeader]).toEqual([true, false])
    await a.stop()
    await b.tick()
    expect(b.isLeader).toBe(true)
    expect(log).toEqual(['a leads', 'a follows', 'b leads'])
  })

  it('a leader that stops renewing (killed) is replaced once its lease runs out', async () => {
    const log: string[] = []
    const a = contender('a', log, 300)
    const b = contender('b', log, 300)
    await a.tick()
    await b.tick()
    expect(b.isLeader).toBe(false)
    // a is never ticked again, as if the process had died.
    await new Promise((r) => setTimeout(r, 400))
    await b.tick()
    expect(b.isLeader).toBe(true)
    // The old leader finds out on its next renewal and stops leading.
    await a.tick()
    expect(a.isLeader).toBe(false)
  })
})
