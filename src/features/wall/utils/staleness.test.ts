import { describe, expect, it } from 'vitest'
import { i18n, loadLanguage } from '@/lib/i18n'
import { type LinkFacts, staleness } from './staleness'
import { staleText } from './stale-text'

await loadLanguage('en') // English is fetched when wanted, as in the page

const T0 = Date.UTC(2025, 0, 6, 2, 0, 0)
const MIN = 60_000

const live: LinkFacts = {
  loaded: true,
  connected: true,
  status: 'live',
  changedAt: T0 - 60 * MIN,
  lastMessageAt: T0,
  lastEventAt: T0,
  offset: 0,
  loggedIn: 40,
}
/** The link dropped at T0, a second after the last heartbeat. */
const dropped: LinkFacts = {
  ...live,
  connected: false,
  status: 'reconnecting',
  changedAt: T0,
  lastMessageAt: T0 - 1_000,
}

function words(facts: LinkFacts, now: number, lng: 'zh' | 'en' = 'zh') {
  return staleText(i18n.getFixedT(lng, 'wall'), staleness(facts, now))
}

describe('how stale the wall says it is', () => {
  it('says nothing while the link is live and the platform speaks', () => {
    expect(staleness(live, T0 + 2_000)).toEqual({ kind: 'fresh' })
    expect(words(live, T0 + 2_000)).toBeNull()
  })

  it('lets a short drop pass, then says how old the data is, counting up with the clock', () => {
    expect(staleness(dropped, T0 + 2_999).kind).toBe('fresh')
    expect(words(dropped, T0 + 3_000)?.title).toBe('数据已 4 秒未更新')
    expect(words(dropped, T0 + 59_000)?.title).toBe('数据已 1 分钟未更新')
    expect(words(dropped, T0 + 3 * MIN)?.title).toBe('数据已 3 分钟未更新')
    expect(words(dropped, T0 + 3 * MIN)?.detail).toMatch(/重新连接/)
    expect(words(dropped, T0 + 3 * MIN, 'en')?.title).toBe('Data is 3 minutes old')
    expect(words(dropped, T0 + 59_000, 'en')?.title).toBe('Data is 1 minute old')
    expect(words(dropped, T0 + 2 * 3600_000, 'en')?.title).toBe('Data is 2 hours old')
    expect(words(dropped, T0 + 26 * 3600_000, 'en')?.title).toBe('Data is 1 day old')
  })

  it('counts a connected but silent link as stale too, from its last message', () => {
    const silent: LinkFacts = { ...live, status: 'stale', lastMessageAt: T0 - 20_000 }
    expect(staleness(silent, T0)).toEqual({ kind: 'link', ageMs: 20_000, reconnecting: false })
    expect(words(silent, T0, 'en')?.title).toBe('Data is 20 seconds old')
  })

  it('says it is waiting when no data ever came', () => {
    const never: LinkFacts = { ...dropped, loaded: false }
    expect(staleness(never, T0 + 10_000)).toEqual({ kind: 'waiting' })
  })

  it('notices a platform silent for five minutes while agents work, on the server clock', () => {
    const quiet: LinkFacts = { ...live, lastEventAt: T0 - 5 * MIN + 1_000 }
    expect(staleness(quiet, T0).kind).toBe('fresh')
    // The local clock runs 1 s behind the server's: 5 minutes have passed there.
    expect(staleness({ ...quiet, offset: 1_000 }, T0)).toEqual({ kind: 'quiet', ageMs: 5 * MIN })
    expect(words({ ...quiet, offset: 1_000 }, T0)?.title).toBe('平台已 5 分钟没有发来事件')
    // Nobody logged in: a quiet night, not a problem.
    expect(staleness({ ...quiet, offset: 1_000, loggedIn: 0 }, T0).kind).toBe('fresh')
  })
})
