import type { Socket as TcpSocket } from 'node:net'
import readline from 'node:readline'
import { parseArgs } from 'node:util'
import { io } from 'socket.io-client'
import type { FloorChange } from '@/shared/floor'
import { ScreenFloor } from './screen-floor'

/*
 * One screen that stops reading: on `start` its TCP socket is paused (nothing is read, so the
 * relay's writes back up) for `--pause-sec`, then it reads again. Counts what reaches it after
 * that, and on `report` whether its floor matches the relay's. Prints SLOW_RESULT.
 */
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    cookie: { type: 'string', default: '' },
    'pause-sec': { type: 'string', default: '15' },
  },
})
const pauseSec = Number(values['pause-sec'])
const socket = io(values.url, {
  transports: ['websocket'],
  extraHeaders: values.cookie ? { cookie: values.cookie } : {},
  reconnection: false,
})
const floor = new ScreenFloor(socket)
let resumed = false
let messagesAfter = 0
let viewsAfter = 0
let disconnects = 0
socket.on('floor:changed', (c: FloorChange) => {
  if (!resumed) return
  messagesAfter += 1
  viewsAfter += c.agents.length + (c.patches?.length ?? 0)
})
socket.on('disconnect', () => (disconnects += 1))
await new Promise((resolve) => socket.once('floor:snapshot', resolve))
process.stdout.write('SLOW_READY {}\n')

function tcpOf(): TcpSocket {
  const transport = socket.io.engine.transport as unknown as { ws: { _socket: TcpSocket } }
  return transport.ws._socket
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') {
    tcpOf().pause()
    setTimeout(() => {
      resumed = true
      tcpOf().resume()
    }, pauseSec * 1000)
  } else if (line === 'report') {
    void floor.lost().then((lost) => {
      process.stdout.write(
        `SLOW_RESULT ${JSON.stringify({
          pauseSec,
          messagesAfter,
          viewsAfter,
          catchUps: floor.catchUps,
          largestCatchUp: floor.largestCatchUp,
          gaps: floor.gaps,
          lostAgentStates: lost,
          disconnects,
        })}\n`,
      )
      socket.disconnect()
      setTimeout(() => process.exit(0), 100)
    })
  }
})
