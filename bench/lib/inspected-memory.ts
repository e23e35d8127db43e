import WebSocket from 'ws'

/** Node's flag that opens the inspector on a free port of loopback. */
export const INSPECT_ARGS = ['--inspect=127.0.0.1:0']

/**
 * Memory of a program started with `INSPECT_ARGS`, read after a full garbage collection over
 * the inspector protocol: what the program still holds, not how far its collector happened to
 * be (its resident size swings by tens of megabytes with the collector's timing).
 */
export class InspectedMemory {
  private url: string | null = null

  /** Give it every stderr line of the program: it finds the inspector's address there. */
  readonly onLine = (line: string): void => {
    this.url ??= /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1] ?? null
  }

  /** Bytes held on the heap and outside it (buffers) once garbage is collected. */
  async afterCollection(): Promise<number> {
    if (!this.url) throw new Error('the program printed no inspector address')
    const ws = new WebSocket(this.url)
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    let id = 0
    const call = (method: string, params: Record<string, unknown> = {}) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const mine = ++id
        const onMessage = (data: Buffer) => {
          const answer = JSON.parse(data.toString()) as {
            id?: number
            result?: Record<string, unknown>
            error?: { message: string }
          }
          if (answer.id !== mine) return
          ws.off('message', onMessage)
          if (answer.error) reject(new Error(`${method}: ${answer.error.message}`))
          else resolve(answer.result ?? {})
        }
        ws.on('message', onMessage)
        ws.send(JSON.stringify({ id: mine, method, params }))
      })
    try {
      // Twice: what the first collection frees can hold further garbage alive until the second.
      await call('HeapProfiler.collectGarbage')
      await call('HeapProfiler.collectGarbage')
      const { result } = (await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } }
      const usage = JSON.parse(result.value) as { heapUsed: number; external: number }
      return usage.heapUsed + usage.external
    } finally {
      ws.close()
    }
  }
}
