import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeWithRedis, redisForTest, testPrefix } from '../testing/redis'
import { ClusterFeed } from './feed'

interface Msg {
  n: number
}
const parse = (v: unknown): Msg | null =>
  typeof v === 'object' && v !== null && typeof (v as Msg).n === 'number' ? (v as Msg) : null

describeWithRedis('the cluster feed', () => {
  let prefix: string
  let redis: ReturnType<typeof redisForTest>
  const feeds: ClusterFeed<Msg>[] = []
  beforeEach(() => {
    prefix = testPrefix()
    redis = redisForTest(prefix)
  })
  afterEach(async () => {
    for (const f of feeds.splice(0)) await f.stop()
    await redis.dispose()
  })

  function feedOf(
    nodeId: string,
    got: Array<[number, string]>,
    opts: { maxLen?: number; onGap?: () => void } = {},
  ) {
    const feed = new ClusterFeed<Msg>({
      redis: redis.connect(nodeId),
      reader: redis.connect(`${nodeId}-reader`),
      key: `${prefix}feed`,
      nodeId,
      parse,
      deliver: (m, from) => void got.push([m.n, from]),
      ...opts,
    })
    feeds.push(feed)
    return feed
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (check()) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`never: ${what}`)
  }

  it("delivers every other process's entries once, in one order for all, and never a process's own", async () => {
    const gotA: Array<[number, string]> = []
    const gotB: Array<[number, string]> = []
    const a = feedOf('a', gotA)
    const b = feedOf('b', gotB)
    const from = await a.head()
    a.start(from)
    b.start(from)
    // Interleaved publishing from both.
    for (let i = 0; i < 50; i++) await (i % 2 === 0 ? a : b).publish({ n: i })
    await until(() => gotA.length === 25 && gotB.length === 25, 'both got the other half')
    expect(gotA.map(([n]) => n)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2 + 1))
    expect(gotB.map(([n]) => n)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2))
    expect(new Set(gotA.map(([, from]) => from))).toEqual(new Set(['b']))
    await new Promise((r) => setTimeout(r, 100))
    expect(gotA).toHaveLength(25) // nothing twice
  })

  it('a process that starts later reads what was published after the head it took, not before', async () => {
    const early = feedOf('early', [])
    await early.publish({ n: 1 })
    const got: Array<[number, string]> = []
    const late = feedOf('late', got)
    const head = await late.head()
    // Published between taking the head (and restoring from the store) and starting to read.
    await early.publish({ n: 2 })
    late.start(head)
    await early.publish({ n: 3 })
    await until(() => got.length === 2, 'the late one caught up')
    expect(got.map(([n]) => n)).toEqual([2, 3])
  })

  it('skips an entry it cannot read and goes on', async () => {
    const got: Array<[number, string]> = []
    const errors: unknown[] = []
    const reader = new ClusterFeed<Msg>({
      redis: redis.connect('r'),
      reader: redis.connect('r-reader'),
      key: `${prefix}feed`,
      nodeId: 'r',
      parse,
      deliver: (m, from) => void got.push([m.n, from]),
      onError: (e) => errors.push(e),
    })
    feeds.push(reader)
    const raw = redis.connect('raw')
    reader.start(await reader.head())
    await raw.xadd(`${prefix}feed`, '*', 'n', 'x', 'm', '{not json')
    await raw.xadd(`${prefix}feed`, '*', 'n', 'x', 'm', JSON.stringify({ other: true }))
    await raw.xadd(`${prefix}feed`, '*', 'n', 'x', 'm', JSON.stringify({ n: 7 }))
    await until(() => got.length === 1, 'the good entry arrived')
    expect(got).toEqual([[7, 'x']])
    expect(errors).toHaveLength(2)
  })
})
