import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeWithRedis, redisForTest, redisUrl, testPrefix } from '../testing/redis'
import { Cluster } from './cluster'
import type { ClusterMessage } from './messages'

describeWithRedis('a relay process in a cluster', () => {
  let prefix: string
  let cleanup: ReturnType<typeof redisForTest>
  const nodes: Cluster[] = []
  beforeEach(() => {
    prefix = testPrefix()
    cleanup = redisForTest(prefix)
  })
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.stop()
    await cleanup.dispose()
  })

  const node = (nodeId: string, url = redisUrl ?? '') => {
    const n = new Cluster({ redisUrl: url, prefix, nodeId, reconcileMs: 5_000 })
    nodes.push(n)
    return n
  }

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (check()) return
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`never: ${what}`)
  }

  it('applies what the others accepted, in their order, after restoring from the store', async () => {
    const a = node('a')
    const b = node('b')
    const seen: string[] = []
    b.on({
      webhook: (m) => void seen.push(m.body),
      'signed-out': (m) => void seen.push(`signed out ${m.sessionId}`),
    })
    await a.start(async () => {})
    await a.announce({ kind: 'webhook', namespace: 'test.cc', receivedAt: 1, body: 'before' })
    let restoredBeforeFeed = false
    await b.start(async () => {
      // Accepted by a while b reads the store: b must still get it.
      await a.announce({ kind: 'webhook', namespace: 'test.cc', receivedAt: 2, body: 'during' })
      restoredBeforeFeed = seen.length === 0
    })
    for (let i = 0; i < 20; i++) {
      await a.announce({ kind: 'webhook', namespace: 'test.cc', receivedAt: 3, body: `after-${i}` })
    }
    await a.announce({ kind: 'signed-out', sessionId: 's-1' })
    await until(() => seen.length === 22, 'b applied all')
    expect(restoredBeforeFeed).toBe(true)
    expect(seen).toEqual([
      'during',
      ...Array.from({ length: 20 }, (_, i) => `after-${i}`),
      'signed out s-1',
    ])
  })

  it('runs the work that must run once on one process, and moves it when that one stops', async () => {
    const a = node('a')
    const b = node('b')
    await a.start(async () => {})
    await until(() => a.isLeader, 'a leads')
    await b.start(async () => {})
    await new Promise((r) => setTimeout(r, 100))
    expect(b.isLeader).toBe(false)
    const moved: boolean[] = []
    b.onLeadership((leading) => moved.push(leading))
    await a.stop()
    nodes.splice(nodes.indexOf(a), 1)
    await until(() => b.isLeader, 'b took over')
    expect(moved).toEqual([true])
  })

  it('while Redis is unreachable, answers at once, holds what it must pass on and says so', async () => {
    const cut = node('cut', 'redis://127.0.0.1:1')
    const message: ClusterMessage = { kind: 'reload', what: 'settings', namespace: 'test.cc' }
    await cut.announce(message) // resolves though nothing could be sent
    expect(cut.health()).toMatchObject({ nodeId: 'cut', redis: 'down', unsent: 1, leader: false })
  })
})
