import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { io, type Socket } from 'socket.io-client'
import WebSocket from 'ws'
import { parsePlatformTime } from '@/shared/platform-time'
import type { AgentView, FloorChange } from '@/shared/floor'
import { percentile } from '../lib/processes'
import { followSocket, lostOn, type ScreenFloor } from './screen-floor'

/*
 * N clients of a relay in one process. A few are real socket.io clients that parse every
 * message and record the latency from each event's `stateChangeTime` to its arrival; the rest
 * speak the same socket.io protocol over a bare websocket and only count bytes, so that this
 * process (on the same two cores as the relay) can hold a thousand of them.
 * Commands on stdin: `start` (begin measuring), `report` (print results and exit).
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    cookie: { type: 'string', default: '' },
    clients: { type: 'string', default: '1000' },
    measure: { type: 'string', default: '20' },
    event: { type: 'string', default: 'floor' },
  },
})
const url = values.url!
const total = Number(values.clients)
const measuring = Math.min(total, Number(values.measure))
const headers: Record<string, string> = values.cookie ? { cookie: values.cookie } : {}

let recording = false
const latencies: number[] = []
let bytes = 0
let messages = 0

function record(sentAt: number | null) {
  if (!recording || sentAt === null) return
  latencies.push(Date.now() - sentAt)
}

const floors: { socket: Socket; floor: ScreenFloor }[] = []
const measured = Array.from({ length: measuring }, () => {
  const s = io(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false })
  if (values.event === 'floor') {
    floors.push({ socket: s, floor: followSocket(s) })
    // An agent the client holds arrives as a patch; its state time is there when it changed.
    s.on('floor:changed', (c: FloorChange) => {
      c.agents.forEach((a: AgentView) => record(a.stateSince))
      c.patches?.forEach((p) => record(p.stateSince ?? null))
    })
  } else {
    s.on('agent', (e: { stateChangeTime?: string }) =>
      record(parsePlatformTime(e.stateChangeTime, 'Asia/Shanghai')),
    )
  }
  return s
})

const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`
const raw: WebSocket[] = []
function openRaw(): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers, perMessageDeflate: false })
    ws.on('message', (data: Buffer) => {
      // Only control packets are small; the batches are counted without decoding them, so
      // this one process can keep up with a thousand sockets.
      if (data.length < 200) {
        const text = data.toString()
        if (text === '2') return void ws.send('3') // engine.io ping
        if (text.startsWith('0{')) return void ws.send('40') // open → join the default namespace
        if (text.startsWith('40')) return resolve()
        if (text.startsWith('44')) return reject(new Error(`refused: ${text}`))
      }
      if (recording) {
        bytes += data.length
        messages += 1
      }
    })
    ws.on('error', reject)
    raw.push(ws)
  })
}

// Connect in waves, so the relay is not hit by a thousand handshakes in one instant.
for (let i = measuring; i < total; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, total - i) }, () => openRaw()))
}
await Promise.all(
  measured.map((s) =>
    s.connected ? Promise.resolve() : new Promise((r) => s.once('connect', () => r(null))),
  ),
)
process.stdout.write(`CLIENTS_READY ${JSON.stringify({ connected: measuring + raw.length })}\n`)

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') {
    recording = true
    latencies.length = 0
    bytes = 0
    messages = 0
  } else if (line === 'report') {
    void report()
  }
})

async function report() {
  recording = false
  latencies.sort((a, b) => a - b)
  // Each measured screen's floor against the relay's: every agent's latest state reached it.
  const lost = await Promise.all(floors.map((f) => lostOn(f.socket, f.floor)))
  process.stdout.write(
    `CLIENTS_RESULT ${JSON.stringify({
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? null,
      rawMessages: messages,
      rawBytes: bytes,
      lostAgentStates: lost.reduce((a, b) => a + b, 0),
      gaps: floors.reduce((a, f) => a + f.floor.gaps, 0),
      catchUps: floors.reduce((a, f) => a + f.floor.catchUps, 0),
      stillConnected:
        measured.filter((s) => s.connected).length +
        raw.filter((w) => w.readyState === WebSocket.OPEN).length,
    })}\n`,
  )
  for (const s of measured) s.disconnect()
  for (const w of raw) w.terminate()
  setTimeout(() => process.exit(0), 100)
}
