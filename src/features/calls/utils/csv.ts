/** Byte-order mark: spreadsheet programs read the file as UTF-8 (Chinese names) only with it. */
export const BOM = '\uFEFF'

// A cell starting with one of these is taken for a formula by spreadsheet programs
// (CSV injection); tab and carriage return open the same door in some of them.
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: formulas neutralised with a leading `'`, quoted when it holds `"`, `,` or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A whole CSV file (RFC 4180 line ends), with the BOM, a header line and one line per row. */
export function buildCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** `calls_20250106-000000_20250106-235959.csv`: what and which range, safe in any file system. */
export function csvFileName(prefix: string, from: string, to: string): string {
  const compact = (t: string) => t.replaceAll('-', '').replaceAll(':', '').replace(' ', '-')
  return `${prefix}_${compact(from)}_${compact(to)}.csv`
}

/** Hands the text to the browser as a download. */
export function downloadText(
  text: string,
  fileName: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser the URL long enough to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
