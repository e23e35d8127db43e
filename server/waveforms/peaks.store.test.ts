import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PlatformClient } from '../platform/platform.client'
import { TokenManager } from '../platform/token-manager'
import { PeaksStore } from './peaks.store'

const DAY = 86_400_000
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** One second of 8 kHz two-track silence as a WAV. */
function wav(): Buffer {
  const data = Buffer.alloc(8000 * 4)
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + data.length, 4)
  h.write('WAVEfmt ', 8, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(2, 22)
  h.writeUInt32LE(8000, 24)
  h.writeUInt32LE(8000 * 4, 28)
  h.writeUInt16LE(4, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(data.length, 40)
  return Buffer.concat([h, data])
}

/** A platform that issues tokens and serves the same WAV for every recording (counted). */
async function platform(): Promise<{ client: PlatformClient; served: () => number }> {
  let served = 0
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/accesstoken/apply')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ accessToken: 'token' }))
      return
    }
    served += 1
    res.writeHead(200, { 'content-type': 'audio/wav' })
    res.end(wav())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => server.close())
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const tokens = new TokenManager({
    baseUrl,
    appId: 'a',
    appSecret: 's',
    apiKey: 'k',
    encoding: 'json',
    timeoutMs: 5_000,
  })
  return {
    client: new PlatformClient({ baseUrl, tokens, timeoutMs: 5_000 }),
    served: () => served,
  }
}

describe('the waveform cache', () => {
  it('forgets peaks nobody opened for a while, and keeps those opened since', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peaks-'))
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const upstream = await platform()
    const store = new PeaksStore(dir, upstream.client)
    expect((await store.get('test.cc', 'rec-opened')).ok).toBe(true)
    expect((await store.get('test.cc', 'rec-forgotten')).ok).toBe(true)
    const files = fs.readdirSync(dir)
    expect(files).toHaveLength(4) // peaks and speech of each
    const longAgo = new Date(Date.now() - 40 * DAY)
    for (const f of files) fs.utimesSync(path.join(dir, f), longAgo, longAgo)
    fs.writeFileSync(path.join(dir, 'left-by-a-crash.json.gz.123.tmp'), '')
    fs.utimesSync(path.join(dir, 'left-by-a-crash.json.gz.123.tmp'), longAgo, longAgo)

    const opened = await store.get('test.cc', 'rec-opened') // from the cache
    expect(opened.ok).toBe(true)
    expect(await store.prune(Date.now() - 30 * DAY)).toBe(3)
    expect(fs.readdirSync(dir)).toHaveLength(2)
    const again = await store.get('test.cc', 'rec-opened')
    expect(again.ok && opened.ok && again.gzip.equals(opened.gzip)).toBe(true)
    // The recording's analysis was kept with its peaks.
    const speech = await store.speech('test.cc', 'rec-opened')
    expect(speech.ok && speech.speech.quiet).toEqual([[0, 1]])
    expect(upstream.served()).toBe(2) // served from the file that was kept, never fetched again
  })
})
