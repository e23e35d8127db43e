import { describe, expect, it } from 'vitest'
import { callEndEvent, nextEvent, startTestRelay } from './testing/test-relay'
import { agentEvent } from './testing/agent-event'

describe('a restart of the relay', () => {
  it('rebuilds the floor from stored events and still recognises retried calls', async () => {
    const first = await startTestRelay()
    await first.post(
      agentEvent({ id: '5001@test.cc', serial: 10, acState: 'InboundTalking', callId: 'c-1' }),
    )
    await first.post(agentEvent({ id: '5001@test.cc', serial: 12, acState: 'Acw' }))
    await first.post(agentEvent({ id: '5001@test.cc', serial: 11, acState: 'Hold' })) // late, stale
    await first.post(agentEvent({ id: '5002@test.cc', serial: 13, acState: 'LogOut' }))
    const call = callEndEvent({ callId: 'before-restart' })
    expect((await first.post(call)).body.result).toBe('applied')
    await first.close({ keepData: true })

    const second = await startTestRelay({ dataDir: first.dataDir })
    try {
      const snap = await nextEvent(second.client(), 'floor:snapshot')
      const states = Object.fromEntries(snap.agents.map((a) => [a.id, a.acState]))
      expect(states).toEqual({ '5001@test.cc': 'Acw', '5002@test.cc': 'LogOut' })
      expect((await second.post(call)).body.result).toBe('duplicate')
      // Older than the state held: it changes nothing; the held one sent again is a duplicate.
      const late = await second.post(
        agentEvent({ id: '5001@test.cc', serial: 11, acState: 'Hold' }),
      )
      expect(late.body.result).toBe('stale')
      const again = await second.post(
        agentEvent({ id: '5001@test.cc', serial: 12, acState: 'Acw' }),
      )
      expect(again.body.result).toBe('duplicate')
    } finally {
      await second.close()
    }
  })
})
