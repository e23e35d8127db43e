import {
  ROSTER_EXTENSIONS,
  ROSTER_MAX_BYTES,
  type RosterBadLine,
  type RosterLineProblem,
} from '@/shared/outbound'

/** Why a file cannot be a call list, before reading it. */
export type RosterFileProblem = 'extension' | 'tooLarge' | 'empty'

/** Checks a file's name and size, so a wrong or huge file is never read into the page. */
export function rosterFileProblem(file: Pick<File, 'name' | 'size'>): RosterFileProblem | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : ''
  if (!(ROSTER_EXTENSIONS as readonly string[]).includes(ext)) return 'extension'
  if (file.size > ROSTER_MAX_BYTES) return 'tooLarge'
  if (file.size === 0) return 'empty'
  return null
}

/**
 * The bad lines as a file to fix and upload again: each original line, as it was, under a
 * comment line saying where it was and what is wrong (`# line 3: …`). The user corrects each
 * line below its comment and deletes the comments (a comment line is itself refused, so one
 * left behind shows up marked in the preview rather than reaching the platform). Chosen over
 * `line N: reason: text`, which would need every line taken apart before it could be used.
 */
export function badLinesFile(
  bad: readonly RosterBadLine[],
  reason: (problem: RosterLineProblem) => string,
  lineLabel: (line: number) => string,
): string {
  return bad.map((b) => `# ${lineLabel(b.line)}: ${reason(b.problem)}\n${b.text}\n`).join('')
}

/** Offers text to the browser as a downloaded file. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // After the click has handed the file over.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
