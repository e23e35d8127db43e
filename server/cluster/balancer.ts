import net from 'node:net'

// A backend that refused a connection is left out for this long before it is tried again, ms.
const DOWN_FOR_MS = 2_000
// Connections to a backend that does not answer give up after this long, ms.
const CONNECT_TIMEOUT_MS = 2_000
// Connections held open at once through the balancer; more are refused.
const MAX_CONNECTIONS = 10_000

export interface Backend {
  host: string
  port: number
  /** Until when it is left out (epoch ms); 0: in use. */
  downUntil: number
  /** Connections passed to it. */
  connections: number
}

export interface Balancer {
  url: string
  backends: Backend[]
  close(): Promise<void>
}

/**
 * A TCP balancer for trying a cluster on one machine (`npm run cluster`), standing in for the
 * nginx or HAProxy of a real deployment (docs/deploy.md): each connection goes to the next
 * backend in turn, a backend that refuses is left out for a while and the connection tried on
 * the next, and bytes pass through untouched, websocket upgrades included.
 */
export function startBalancer(opts: {
  port: number
  host?: string
  backends: Array<{ host: string; port: number }>
  now?: () => number
}): Promise<Balancer> {
  const now = opts.now ?? Date.now
  const backends: Backend[] = opts.backends.map((b) => ({ ...b, downUntil: 0, connections: 0 }))
  let next = 0

  const connectTo = (client: net.Socket, tried: number) => {
    if (tried >= backends.length) {
      client.destroy()
      return
    }
    // The next backend in turn that is not left out; all left out: try them anyway.
    let pick = backends[next % backends.length]!
    for (let i = 0; i < backends.length; i++) {
      const b = backends[(next + i) % backends.length]!
      if (b.downUntil <= now()) {
        pick = b
        next = (next + i) % backends.length
        break
      }
    }
    next += 1
    const upstream = net.connect({ host: pick.host, port: pick.port })
    upstream.setTimeout(CONNECT_TIMEOUT_MS)
    const failed = () => {
      pick.downUntil = now() + DOWN_FOR_MS
      upstream.destroy()
      connectTo(client, tried + 1)
    }
    upstream.once('timeout', failed)
    upstream.once('error', failed)
    upstream.once('connect', () => {
      upstream.off('timeout', failed)
      upstream.off('error', failed)
      upstream.setTimeout(0)
      pick.connections += 1
      client.pipe(upstream)
      upstream.pipe(client)
      // A backend that dies mid-connection closes the client's too: the browser reconnects,
      // and its next connection goes to a live one.
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
      client.on('close', () => upstream.destroy())
      client.resume()
    })
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => connectTo(client, 0))
  server.maxConnections = MAX_CONNECTIONS
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : opts.port
      resolve({
        url: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`,
        backends,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
          }),
      })
    })
  })
}
