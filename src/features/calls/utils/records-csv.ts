import { buildCsv } from './csv'
import type { CdrField } from './cdr-fields'
import { flagOf, formatPlatformTime, secondsOf } from './cdr-values'
import type { ListColumn } from './list-columns'

export interface CsvLabels {
  /** A column's header. */
  field: (field: CdrField | 'callId') => string
  /** The header of a length column, which the file holds in seconds (`通话时长（秒）`). */
  seconds: (label: string) => string
}

/**
 * The CSV of a query: the call id, then every column (shown or not). Times in platform time;
 * lengths as seconds, so a spreadsheet can add them up.
 */
export function recordsCsv(
  columns: readonly ListColumn[],
  rows: readonly Record<string, unknown>[],
  labels: CsvLabels,
): string {
  const header = [
    labels.field('callId'),
    ...columns.map((c) =>
      c.kind === 'duration' ? labels.seconds(labels.field(c.field)) : labels.field(c.field),
    ),
  ]
  const cells = rows.map((row) => [
    row.callId,
    ...columns.map((c) => {
      const value = row[c.field]
      switch (c.kind) {
        case 'time':
          return value === null || value === undefined || value === ''
            ? ''
            : formatPlatformTime(value)
        case 'duration':
          return secondsOf(value) ?? value
        case 'flag':
          return flagOf(value) ?? value
        case 'text':
          return value
      }
    }),
  ])
  return buildCsv(header, cells)
}
