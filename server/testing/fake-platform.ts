import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request as the fake platform received it. */
export interface Recorded {
  method: string
  /** Path and query exactly as sent (not decoded). */
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  /** The body's bytes as sent (a multipart upload's file is checked byte for byte). */
  bytes: Buffer
}

export type Responder = (req: Recorded) =>
  | {
      status: number
      body?: unknown
      delayMs?: number
      /** Extra response headers (a redirect's `location`, an audio content type). */
      headers?: Record<string, string>
      /** Sent as is instead of `body` as JSON. */
      raw?: string | Buffer
    }
  | undefined

/**
 * A recording stand-in for the platform's HTTP side, for tests that must assert the exact
 * request the relay sends (method, path, headers, body) and control what it answers.
 * A real HTTP server on 127.0.0.1, port 0.
 */
export class FakePlatform {
  readonly requests: Recorded[] = []
  private responders: Responder[] = []
  private server: http.Server | null = null
  url = ''

  /** Answers matching requests; the most recently added responder is asked first. */
  on(responder: Responder): void {
    this.responders.unshift(responder)
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const rec: Recorded = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          bytes: Buffer.concat(chunks),
        }
        this.requests.push(rec)
        const answer = this.responders.map((r) => r(rec)).find((a) => a !== undefined) ?? {
          status: 404,
          body: { errorCode: 404 },
        }
        setTimeout(() => {
          if (res.destroyed) return
          const json = answer.raw === undefined && answer.body !== undefined
          res.writeHead(answer.status, {
            ...(json ? { 'content-type': 'application/json' } : {}),
            ...answer.headers,
          })
          res.end(answer.raw ?? (json ? JSON.stringify(answer.body) : undefined))
        }, answer.delayMs ?? 0)
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }
}

/** The relay's settings for the platform's API gateway at `url`, with test credentials. */
export function gatewayEnv(url: string): Record<string, string> {
  return {
    WELLCLOUD_BASE_URL: url,
    WELLCLOUD_APP_ID: 'app',
    WELLCLOUD_APP_SECRET: 'app-secret',
    WELLCLOUD_API_KEY: 'key',
  }
}
