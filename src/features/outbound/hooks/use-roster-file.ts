import { useCallback, useRef, useState } from 'react'
import { type RosterCheck, checkRoster } from '@/shared/outbound'
import { type RosterFileProblem, rosterFileProblem } from '../utils/roster-file'

/** A call list chosen by the user, as far as it has been read and checked. */
export type RosterFileState =
  | { kind: 'none' }
  | { kind: 'refused'; name: string; problem: RosterFileProblem }
  | { kind: 'reading'; name: string }
  | { kind: 'unreadable'; name: string }
  | { kind: 'checked'; file: File; text: string; check: RosterCheck }

/**
 * Reads and checks a chosen file as the relay will: name and size first (a wrong or huge file
 * is never read), then every line. A file chosen while another is read replaces it.
 */
export function useRosterFile() {
  const [state, setState] = useState<RosterFileState>({ kind: 'none' })
  const latest = useRef<File | null>(null)

  const choose = useCallback((file: File) => {
    latest.current = file
    const problem = rosterFileProblem(file)
    if (problem) {
      setState({ kind: 'refused', name: file.name, problem })
      return
    }
    setState({ kind: 'reading', name: file.name })
    file.text().then(
      (text) => {
        if (latest.current === file)
          setState({ kind: 'checked', file, text, check: checkRoster(text) })
      },
      () => {
        if (latest.current === file) setState({ kind: 'unreadable', name: file.name })
      },
    )
  }, [])

  const clear = useCallback(() => {
    latest.current = null
    setState({ kind: 'none' })
  }, [])

  return { state, choose, clear }
}
