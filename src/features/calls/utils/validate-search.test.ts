import { describe, expect, it } from 'vitest'
import { parseListSearch } from './list-search'
import { checkSearch } from './validate-search'

const search = (query: string) => parseListSearch(new URLSearchParams(query))
const range = 'from=2025-01-06 00:00:00&to=2025-01-06 12:00:00'

describe('checking a view before asking the relay', () => {
  it('passes a good query, as the relay will take it', () => {
    const checked = checkSearch(search(`${range}&ani=8001&order=oldest&page=2&size=50`), 'calls')
    expect(checked).toEqual({
      ok: true,
      query: {
        beginTime: '2025-01-06 00:00:00',
        endTime: '2025-01-06 12:00:00',
        ani: '8001',
        dnis: undefined,
        isOrder: 1,
        p: 2,
        s: 50,
      },
    })
  })

  it('names the field that is wrong', () => {
    expect(checkSearch(search('from=2025-01-06&to=2025-01-06 12:00:00'), 'calls')).toEqual({
      ok: false,
      problems: { from: 'badTime' },
    })
    expect(checkSearch(search('from=2025-01-07 00:00:00&to=2025-01-06 12:00:00'), 'calls')).toEqual(
      { ok: false, problems: { from: 'beginAfterEnd' } },
    )
    expect(checkSearch(search(`${range}&ani=${'9'.repeat(101)}`), 'calls')).toEqual({
      ok: false,
      problems: { ani: 'tooLong' },
    })
  })

  it('asks the robot tab for its campaign, and a whole result code', () => {
    expect(checkSearch(search(range), 'robot')).toEqual({
      ok: false,
      problems: { campaignId: 'required' },
    })
    expect(checkSearch(search(`${range}&campaignId=camp-01&resultCode=x`), 'robot')).toEqual({
      ok: false,
      problems: { resultCode: 'number' },
    })
    const ok = checkSearch(search(`${range}&campaignId=camp-01&resultCode=2`), 'robot')
    expect(ok.ok && ok.query).toMatchObject({ campaignId: 'camp-01', resultCode: 2 })
  })
})
