import { describe, expect, it } from 'vitest'
import { abandonRate, asaTone, serviceLevelTone } from './service-level'

describe('figures against their targets', () => {
  it('colours the service level by the queue target', () => {
    expect(serviceLevelTone({ serviceLevel: null, slTargetPct: 80 })).toBe('none')
    expect(serviceLevelTone({ serviceLevel: 0.8, slTargetPct: 80 })).toBe('ok')
    expect(serviceLevelTone({ serviceLevel: 0.95, slTargetPct: 90 })).toBe('ok')
    expect(serviceLevelTone({ serviceLevel: 0.7999, slTargetPct: 80 })).toBe('amber')
    expect(serviceLevelTone({ serviceLevel: 0.7, slTargetPct: 80 })).toBe('amber')
    expect(serviceLevelTone({ serviceLevel: 0.6999, slTargetPct: 80 })).toBe('red')
  })

  it('calls an answer slower than the threshold amber, and counts abandons', () => {
    expect(asaTone({ asaSec: 20, slThresholdSec: 20 })).toBe('ok')
    expect(asaTone({ asaSec: 21, slThresholdSec: 20 })).toBe('amber')
    expect(asaTone({ asaSec: null, slThresholdSec: 20 })).toBe('none')
    expect(abandonRate({ abandoned: 3, offered: 12 })).toBe(0.25)
    expect(abandonRate({ abandoned: 0, offered: 0 })).toBeNull()
  })
})
