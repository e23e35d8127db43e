import { describe, expect, it } from 'vitest'
import { agent, change } from '@/testing/fixtures'
import { floorChangeSchema } from './floor'

describe('floor payloads', () => {
  it('keep who is listening to or joined an agent’s call', () => {
    const monitors = [{ by: 'lead', op: 'listen' as const, since: 1_700_000_000_000 }]
    const parsed = floorChangeSchema.parse(change(11, [agent(1, { callId: 'c-1', monitors })]))
    expect(parsed.agents[0]?.monitors).toEqual(monitors)
  })

  it('drop a malformed monitor list, not the agent', () => {
    const bad = { ...change(11, [agent(1)]) } as { agents: unknown[] }
    bad.agents = [{ ...agent(1), monitors: [{ by: 'lead', op: 'spy' }] }]
    const parsed = floorChangeSchema.parse(bad)
    expect(parsed.agents[0]?.id).toBe('5001@test.cc')
    expect(parsed.agents[0]?.monitors).toBeUndefined()
  })
})
