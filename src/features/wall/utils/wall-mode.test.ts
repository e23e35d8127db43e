import { describe, expect, it } from 'vitest'
import { HEATMAP_ABOVE, wallModeFrom } from './wall-mode'

describe('the wall mode', () => {
  it('pages up to 200 agents and shows the heatmap above', () => {
    const none = new URLSearchParams()
    expect(wallModeFrom(none, HEATMAP_ABOVE)).toBe('pages')
    expect(wallModeFrom(none, HEATMAP_ABOVE + 1)).toBe('heatmap')
  })

  it('follows the URL when it names a mode, and ignores anything else', () => {
    expect(wallModeFrom(new URLSearchParams('mode=pages'), 800)).toBe('pages')
    expect(wallModeFrom(new URLSearchParams('mode=heatmap'), 20)).toBe('heatmap')
    expect(wallModeFrom(new URLSearchParams('mode=poster'), 800)).toBe('heatmap')
  })
})
