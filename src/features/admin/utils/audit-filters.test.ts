import { describe, expect, it } from 'vitest'
import {
  NO_AUDIT_FILTERS,
  auditFiltersParams,
  auditQueryOf,
  auditSearch,
  hasAuditFilters,
  parseAuditFilters,
} from './audit-filters'

const TZ = 'Asia/Shanghai'
const parse = (search: string) => parseAuditFilters(new URLSearchParams(search), TZ)

describe('audit filters', () => {
  it('read the page’s URL, ignoring what is malformed', () => {
    expect(
      parse(
        'from=2025-01-06&to=2025-01-07&user=lead&agent=5001&op=take&outcome=refused&page=3&size=100',
      ),
    ).toEqual({
      from: '2025-01-06',
      to: '2025-01-07',
      user: 'lead',
      agent: '5001',
      op: 'take',
      outcome: 'refused',
      page: 2,
      pageSize: 100,
    })
    expect(
      parse('from=2025-02-31&to=yesterday&op=spy&outcome=maybe&page=-1&size=7&user=%20'),
    ).toEqual(NO_AUDIT_FILTERS)
  })

  it('write back only what differs from the defaults', () => {
    expect(auditFiltersParams(NO_AUDIT_FILTERS).toString()).toBe('')
    const f = parse('agent=5001&op=not-ready&page=2')
    expect(auditFiltersParams(f).toString()).toBe('agent=5001&op=not-ready&page=2')
    expect(hasAuditFilters(f)).toBe(true)
    expect(hasAuditFilters(parse('page=4&size=25'))).toBe(false)
  })

  it('become the relay’s query: platform days as epoch ms, the last day included, paging', () => {
    const f = parse(
      'from=2025-01-06&to=2025-01-07&user=lead&agent=5001&op=listen&outcome=ok&page=3&size=25',
    )
    const q = auditQueryOf(f, TZ)
    expect(q).toEqual({
      from: Date.UTC(2025, 0, 5, 16), // 2025-01-06 00:00 in Shanghai
      to: Date.UTC(2025, 0, 7, 16), // 2025-01-08 00:00: the 7th is included
      username: 'lead',
      agentId: '5001',
      op: 'listen',
      outcome: 'ok',
      limit: 25,
      offset: 50,
    })
    expect(auditSearch(q, { paging: true })).toBe(
      'from=1736092800000&to=1736265600000&username=lead&agentId=5001&op=listen&outcome=ok&limit=25&offset=50',
    )
    // The CSV takes the same filters and every entry.
    expect(auditSearch(q, { paging: false })).toBe(
      'from=1736092800000&to=1736265600000&username=lead&agentId=5001&op=listen&outcome=ok',
    )
  })

  it('ask for the first page of everything when nothing is set', () => {
    expect(auditSearch(auditQueryOf(NO_AUDIT_FILTERS, TZ), { paging: true })).toBe(
      'limit=50&offset=0',
    )
  })
})
