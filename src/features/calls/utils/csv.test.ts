import { describe, expect, it } from 'vitest'
import { BOM, buildCsv, csvCell, csvFileName } from './csv'

describe('CSV', () => {
  it('quotes cells with quotes, commas and line breaks', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(3.5)).toBe('3.5')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+8613800000000')).toBe("'+8613800000000")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=cmd')).toBe("'\t=cmd")
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"')
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('starts with the BOM and ends each line with CRLF', () => {
    const csv = buildCsv(
      ['通话 ID', '主叫号码'],
      [
        ['c-1', '8001'],
        ['c-2', null],
      ],
    )
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe(`${BOM}通话 ID,主叫号码\r\nc-1,8001\r\nc-2,\r\n`)
  })

  it('names the file after the range', () => {
    expect(csvFileName('calls', '2025-01-06 00:00:00', '2025-01-06 23:59:59')).toBe(
      'calls_20250106-000000_20250106-235959.csv',
    )
  })
})
