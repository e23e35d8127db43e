import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

// Paths the relay answers itself; everything else under GET is the single-page app.
const SERVER_PREFIXES = ['/api/', '/webhooks/', '/socket.io/']

/**
 * Serves the built SPA from `distDir`: hashed assets cached for a year, index.html never
 * cached (so a deploy reaches wall screens at their next reload), and index.html for every
 * client-side route.
 */
export function spaRoutes(distDir: string) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const index = path.join(distDir, 'index.html')
    const built = fs.existsSync(index)
    if (built) {
      await app.register(fastifyStatic, {
        root: distDir,
        index: false,
        setHeaders(reply, filePath) {
          reply.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          )
        },
      })
    }
    const sendIndex = (reply: FastifyReply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(fs.createReadStream(index))
    // The static handler would treat `/` as a directory; the root is the app.
    if (built) app.get('/', (_req, reply) => sendIndex(reply))
    app.setNotFoundHandler((req, reply) => {
      const isPage =
        req.method === 'GET' &&
        !SERVER_PREFIXES.some((p) => req.url.startsWith(p)) &&
        !path.extname(req.url.split('?')[0] ?? '')
      if (!isPage) {
        return reply.code(404).send({
          error: 'not_found',
          message: `${req.method} ${req.url.split('?')[0]} does not exist`,
        })
      }
      if (!built) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The console has not been built yet: run `npm run build` (npm start does it for you).',
          )
      }
      return sendIndex(reply)
    })
  }
}
