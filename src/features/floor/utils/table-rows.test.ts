import { describe, expect, it } from 'vitest'
import { agent } from '@/testing/fixtures'
import { type AgentRow, agentRow, tableRows } from './table-rows'

const NAMES: Record<string, string> = { '7001@test.cc': '售前咨询', '7002@test.cc': '会员专线' }
const nameOf = (id: string) => NAMES[id] ?? id.split('@')[0]!
const collator = new Intl.Collator('zh-CN')

describe('the table of agents', () => {
  it('shows the skill group by the name an admin gave it, and the id without one', () => {
    expect(agentRow(agent(1), undefined, nameOf).skillName).toBe('售前咨询')
    expect(agentRow(agent(2, { skills: ['7009@test.cc'] }), undefined, nameOf).skillName).toBe(
      '7009',
    )
    expect(agentRow(agent(3, { skills: [] }), undefined, nameOf).skillName).toBeNull()
  })

  it('sorts the skill column by the names the lead reads', () => {
    // By id, 7001 comes before 7002; by name, 会员专线 (hui) comes before 售前咨询 (shou).
    const rows = [
      agentRow(agent(1, { skills: ['7001@test.cc'] }), undefined, nameOf),
      agentRow(agent(2, { skills: ['7002@test.cc'] }), undefined, nameOf),
    ]
    const sorted = tableRows(rows, { field: 'skill', direction: 'asc' }, 'none', collator)
    expect(sorted.map((r) => (r as AgentRow).skillName)).toEqual(['会员专线', '售前咨询'])
  })
})
