import type { FloorClientSocket } from '@/lib/floor-socket'

type Handler = (...args: unknown[]) => void

/** Stands in for a socket.io client: tests play the server's part with `open`, `serverEmit`, `drop`. */
export class FakeSocket {
  connected = false
  active = false
  recovered = false
  connectCalls = 0
  /** What the page sent the server, with the ack to answer it. */
  sent: { event: string; ack: (err: Error | null, payload?: unknown) => void }[] = []
  private readonly handlers = new Map<string, Set<Handler>>()

  on(event: string, handler: Handler): this {
    let set = this.handlers.get(event)
    if (!set) this.handlers.set(event, (set = new Set()))
    set.add(handler)
    return this
  }

  connect(): this {
    this.connectCalls += 1
    this.active = true
    return this
  }

  disconnect(): this {
    this.active = false
    if (this.connected) this.drop('io client disconnect')
    return this
  }

  timeout(_ms: number) {
    return {
      emit: (event: string, ack: (err: Error | null, payload?: unknown) => void) => {
        this.sent.push({ event, ack })
      },
    }
  }

  // --- the server's side ---

  open(recovered = false): void {
    this.connected = true
    this.active = true
    this.recovered = recovered
    this.fire('connect')
  }

  drop(reason = 'transport close'): void {
    this.connected = false
    if (reason === 'io server disconnect' || reason === 'io client disconnect') this.active = false
    this.fire('disconnect', reason)
  }

  serverEmit(event: string, payload: unknown): void {
    this.fire(event, payload)
  }

  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args)
  }

  asSocket(): FloorClientSocket {
    return this as unknown as FloorClientSocket
  }
}
