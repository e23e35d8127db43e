import { describe, expect, it } from 'vitest'
import { simulatorArgs } from './demo-platform'

describe('the demo simulator arguments', () => {
  it('send the caller with each event, so a tile can show whose call it is during the call', () => {
    expect(simulatorArgs({})).toEqual(['--caller-in-event'])
  })

  it('keep what SIM_ARGS asks for after it', () => {
    expect(simulatorArgs({ SIM_ARGS: ' --agents 800  --speed 4 ' })).toEqual([
      '--caller-in-event',
      '--agents',
      '800',
      '--speed',
      '4',
    ])
  })
})
