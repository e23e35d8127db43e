import readline from 'node:readline'
import { parseArgs } from 'node:util'
import type { FloorChange, FloorSnapshot } from '@/shared/floor'
import { sleep } from '../lib/processes'
import { ScreenFloor } from './screen-floor'

/*
 * One screen that stops reading. It speaks engine.io's long polling by hand, so "reads nothing"
 * is exact: it stops asking for data, and the relay's connection to it is busy at once (over a
 * websocket, the kernel's buffers would first absorb several megabytes). On `start` it asks for
 * nothing for `--pause-sec`, then polls again. Counts what reaches it after that, and on
 * `report` whether its floor matches the relay's. Prints SLOW_RESULT.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    cookie: { type: 'string', default: '' },
    'pause-sec': { type: 'string', default: '15' },
  },
})
const pauseSec = Number(values['pause-sec'])
const headers: Record<string, string> = values.cookie ? { cookie: values.cookie } : {}
const base = `${values.url}/socket.io/?EIO=4&transport=polling`

const floor = new ScreenFloor()
let paused = false
let resumed = false
let stopped = false
let messagesAfter = 0
let viewsAfter = 0
/** Agents in the first batch after it read again, and how many batches of its room it stood for. */
let firstAfter: { agents: number; batches: number } | null = null
let disconnects = 0
let snapshotTaken: (() => void) | null = null
let resyncAnswer: ((s: FloorSnapshot) => void) | null = null

const opened = await (await fetch(`${base}&t=${Date.now()}`, { headers })).text()
const sid = (JSON.parse(opened.slice(1)) as { sid: string }).sid
const at = `${base}&sid=${sid}`
const post = (body: string) =>
  fetch(at, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body })

function onEvent(name: string, payload: unknown): void {
  if (name === 'floor:snapshot') {
    floor.take(payload as FloorSnapshot)
    snapshotTaken?.()
  } else if (name === 'floor:changed') {
    const c = payload as FloorChange
    floor.apply(c)
    if (!resumed) return
    messagesAfter += 1
    viewsAfter += c.agents.length + (c.patches?.length ?? 0)
    const named = c.agents.length + (c.patches?.length ?? 0)
    firstAfter ??= { agents: named, batches: (c.upTo ?? c.seq) - c.seq + 1 }
  }
}

/** One engine.io packet: `2` ping, `4…` a socket.io packet (`42` event, `431` our ack). */
function onPacket(p: string): void {
  if (p === '2') void post('3')
  else if (p.startsWith('42')) {
    const [name, payload] = JSON.parse(p.slice(2)) as [string, unknown]
    onEvent(name, payload)
  } else if (p.startsWith('431')) {
    const [snapshot] = JSON.parse(p.slice(3)) as [FloorSnapshot]
    resyncAnswer?.(snapshot)
  } else if (p === '1' || p.startsWith('41')) disconnects += 1
}

async function poll(): Promise<void> {
  while (!stopped) {
    if (paused) {
      await sleep(50)
      continue
    }
    const res = await fetch(`${at}&t=${Date.now()}`, { headers })
    if (!res.ok) {
      disconnects += 1
      return
    }
    for (const p of (await res.text()).split('\x1e')) onPacket(p)
  }
}

await post('40')
const ready = new Promise<void>((resolve) => (snapshotTaken = resolve))
void poll()
await ready
process.stdout.write('SLOW_READY {}\n')

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') {
    paused = true
    setTimeout(() => {
      resumed = true
      paused = false
    }, pauseSec * 1000)
  } else if (line === 'report') {
    const answered = new Promise<FloorSnapshot>((resolve) => (resyncAnswer = resolve))
    void post('421["floor:resync"]')
    void answered.then((snapshot) => {
      process.stdout.write(
        `SLOW_RESULT ${JSON.stringify({
          pauseSec,
          messagesAfter,
          viewsAfter,
          firstAfter,
          catchUps: floor.catchUps,
          largestCatchUp: floor.largestCatchUp,
          gaps: floor.gaps,
          lostAgentStates: floor.differences(snapshot),
          disconnects,
        })}\n`,
      )
      stopped = true
      setTimeout(() => process.exit(0), 100)
    })
  }
})
