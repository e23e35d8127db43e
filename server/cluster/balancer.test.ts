import http from 'node:http'
import { afterEach, expect, it, describe } from 'vitest'
import { type Balancer, startBalancer } from './balancer'

describe('the local balancer', () => {
  const servers: http.Server[] = []
  let balancer: Balancer | null = null
  afterEach(async () => {
    await balancer?.close()
    for (const s of servers.splice(0)) {
      s.closeAllConnections()
      await new Promise((r) => s.close(r))
    }
  })

  async function backend(name: string): Promise<{ server: http.Server; port: number }> {
    const server = http.createServer((_req, res) => {
      res.setHeader('connection', 'close')
      res.end(name)
    })
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const address = server.address()
    return { server, port: typeof address === 'object' && address ? address.port : 0 }
  }

  const ask = async (url: string) => (await fetch(url, { headers: { connection: 'close' } })).text()

  it('takes turns, and sends everything to the live backend once one stops', async () => {
    const a = await backend('a')
    const b = await backend('b')
    balancer = await startBalancer({
      port: 0,
      backends: [
        { host: '127.0.0.1', port: a.port },
        { host: '127.0.0.1', port: b.port },
      ],
    })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await ask(balancer.url))
    expect(answers.sort()).toEqual(['a', 'a', 'b', 'b'])

    a.server.closeAllConnections()
    await new Promise((r) => a.server.close(r))
    const after = []
    for (let i = 0; i < 4; i++) after.push(await ask(balancer.url))
    expect(after).toEqual(['b', 'b', 'b', 'b'])
  })
})
