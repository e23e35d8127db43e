import { describe, expect, it } from 'vitest'
import {
  type ListSearch,
  callsQueryInput,
  defaultRange,
  listSearchParams,
  parseListSearch,
  robotQueryInput,
  toQueryString,
} from './list-search'

const view: ListSearch = {
  tab: 'robot',
  from: '2025-01-06 00:00:00',
  to: '2025-01-06 23:59:59',
  ani: '13800000000',
  dnis: '',
  agent: '',
  skill: '',
  campaignId: 'camp-01',
  resultCode: '2',
  batchName: '账单提醒-20250106',
  batchId: '',
  rosterId: '15',
  uuiKey: 'currentCallLevel',
  uuiValue: 'F',
  order: 'oldest',
  page: 3,
  size: 50,
  half: 2,
}

describe('the page URL', () => {
  it('holds the whole view and reads back the same', () => {
    const params = listSearchParams(view)
    expect(parseListSearch(new URLSearchParams(params.toString()))).toEqual(view)
    // Empty filters are left out; range, order, page and size are always there.
    expect([...params.keys()]).toEqual([
      'tab',
      'from',
      'to',
      'ani',
      'campaignId',
      'resultCode',
      'batchName',
      'rosterId',
      'uuiKey',
      'uuiValue',
      'order',
      'page',
      'size',
      'half',
    ])
  })

  it('takes the defaults for what is missing or malformed', () => {
    const parsed = parseListSearch(
      new URLSearchParams('page=-2&size=33&order=sideways&half=3&tab=x'),
    )
    expect(parsed).toMatchObject({
      tab: 'calls',
      from: '',
      to: '',
      order: 'newest',
      page: 1,
      size: 20,
      half: null,
      ani: '',
    })
  })

  it('becomes the relay’s query, filters trimmed and empty ones left out', () => {
    const parsed = parseListSearch(
      new URLSearchParams('from=2025-01-06 00:00:00&to=2025-01-06 12:00:00&ani= 8001 &page=2'),
    )
    expect(toQueryString(callsQueryInput(parsed))).toBe(
      'beginTime=2025-01-06+00%3A00%3A00&endTime=2025-01-06+12%3A00%3A00&ani=8001&isOrder=0&p=2&s=20',
    )
    expect(robotQueryInput(view)).toMatchObject({
      campaignId: 'camp-01',
      resultCode: '2',
      isOrder: 1,
      p: 3,
      s: 50,
    })
    expect(robotQueryInput({ ...view, resultCode: '' }).resultCode).toBeUndefined()
  })
})

describe('the default range', () => {
  it('is today in platform time, from midnight to now', () => {
    // 2025-01-06 17:30 UTC is already 01:30 on the 7th in Shanghai.
    const now = Date.UTC(2025, 0, 6, 17, 30, 5)
    expect(defaultRange(now)).toEqual({ from: '2025-01-07 00:00:00', to: '2025-01-07 01:30:05' })
  })

  it('does not depend on the browser’s zone', () => {
    const saved = process.env.TZ
    const now = Date.UTC(2025, 5, 30, 20, 0, 0) // 04:00 on 1 July in Shanghai
    try {
      const seen = ['America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Pacific/Kiritimati'].map((tz) => {
        process.env.TZ = tz
        return defaultRange(now)
      })
      for (const range of seen) {
        expect(range).toEqual({ from: '2025-07-01 00:00:00', to: '2025-07-01 04:00:00' })
      }
    } finally {
      process.env.TZ = saved
    }
  })
})
