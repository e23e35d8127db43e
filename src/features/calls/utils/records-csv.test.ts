import { describe, expect, it } from 'vitest'
import { en } from '@/locales/en'
import { BOM } from './csv'
import { CALL_COLUMNS } from './list-columns'
import { recordsCsv } from './records-csv'

describe('the CSV of call records', () => {
  it('has the call id and every column, lengths in seconds, times in platform time', () => {
    const csv = recordsCsv(
      CALL_COLUMNS,
      [
        {
          callId: 'c-1',
          beginTime: '2025-01-06 10:00:00',
          callTypeName: '呼入',
          ani: '+8613800000000',
          dnis: '4000',
          talkLength: 61.5,
          result: '接通, 正常',
          c0: '=cmd()',
        },
      ],
      {
        field: (f) => en.cdrFields[f],
        seconds: (label) => `${label} (s)`,
      },
    )
    const [header, row, end] = csv.slice(BOM.length).split('\r\n')
    expect(header).toBe(
      'Call ID,Start time,Call type,Caller,Callee,Agent,Skill group,Display number,Result,Talk time (s),Hang-up type,' +
        'Campaign,Campaign group,Batch,Customer roster ID,Customer ID,Call data C0,Call data C1,Call data C2',
    )
    expect(row).toBe(
      `c-1,2025-01-06 10:00:00,呼入,'+8613800000000,4000,,,,"接通, 正常",61.5,,,,,,,'=cmd(),,`,
    )
    expect(end).toBe('')
  })
})
