import { describe, expect, it } from 'vitest'
import { agentCell, skillCell } from './people-values'

const named = (name: string, id: string) => `${name}（${id}）`

describe('the agent and skill group of a call record', () => {
  it('names the agent with the id, or the id alone', () => {
    expect(agentCell({ agentId: '5001@test.cc', agentName: '张伟' }, named)).toBe(
      '张伟（5001@test.cc）',
    )
    expect(agentCell({ agentId: '5001@test.cc', agentName: null }, named)).toBe('5001@test.cc')
    expect(agentCell({}, named)).toBeNull()
  })

  it('names the skill group, or shows its number', () => {
    expect(skillCell({ skillId: '7001@test.cc', skillName: '售前' })).toBe('售前')
    expect(skillCell({ skillId: '7001@test.cc' })).toBe('7001')
    expect(skillCell({ skillId: null })).toBeNull()
  })
})
