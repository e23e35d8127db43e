import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallsPage } from '@/shared/cdr'
import { collectRows } from '../utils/collect-rows'
import { downloadText } from '../utils/csv'
import type { TimeRange } from '../utils/relay-problem'

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | null }
  | { status: 'done'; rows: number }
  | { status: 'failed'; error: unknown }

export interface CsvExportJob<Row> {
  fetchPage: (p: number, range: TimeRange | null, signal: AbortSignal) => Promise<CallsPage<Row>>
  toCsv: (rows: Row[]) => string
  fileName: string
}

/** Exports a whole query as CSV, page after page, with progress; `cancel` stops it. */
export function useCsvExport<Row>() {
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const controller = useRef<AbortController | null>(null)

  const cancel = useCallback(() => {
    controller.current?.abort()
    controller.current = null
    setState({ status: 'idle' })
  }, [])

  // Leaving the page stops an export under way.
  useEffect(() => () => controller.current?.abort(), [])

  const start = useCallback(async (job: CsvExportJob<Row>) => {
    controller.current?.abort()
    const own = new AbortController()
    controller.current = own
    setState({ status: 'running', done: 0, total: null })
    try {
      const rows = await collectRows({
        fetchPage: job.fetchPage,
        signal: own.signal,
        onProgress: (done, total) => {
          if (!own.signal.aborted) setState({ status: 'running', done, total })
        },
      })
      if (own.signal.aborted) return
      downloadText(job.toCsv(rows), job.fileName)
      setState({ status: 'done', rows: rows.length })
    } catch (error) {
      if (own.signal.aborted) return // cancelled: not a failure
      setState({ status: 'failed', error })
    } finally {
      if (controller.current === own) controller.current = null
    }
  }, [])

  const dismiss = useCallback(() => setState({ status: 'idle' }), [])

  return { state, start, cancel, dismiss }
}
