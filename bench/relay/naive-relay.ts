import Fastify from 'fastify'
import { Server } from 'socket.io'

/*
 * The baseline: what a naive socket.io relay does. Every webhook is parsed and broadcast to
 * every client the moment it arrives: no validation, no storage, no coalescing, no batching.
 */
const token = process.env.WEBHOOK_TOKEN ?? ''
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
const io = new Server(app.server, { serveClient: false })

app.post('/webhooks/wellcloud', async (req, reply) => {
  if ((req.query as { token?: string }).token !== token) return reply.code(401).send()
  io.emit('agent', req.body)
  return reply.code(200).send({ ok: true })
})

await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : 0
process.stdout.write(`RELAY_READY ${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`)
process.on('SIGTERM', () => {
  void io.close()
  void app.close().then(() => process.exit(0))
})
