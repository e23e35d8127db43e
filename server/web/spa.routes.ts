import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../lib/http-error'
import { isAppPath } from './request-path'

/**
 * Serves the built SPA from `distDir`: hashed assets cached for a year, index.html never
 * cached (so a deploy reaches wall screens at their next reload), and index.html for every
 * client-side route. All of it is public (it holds no data, and the sign-in page is part of
 * it); every route this plugin adds says so, and nothing under the relay's own paths is served.
 */
export function spaRoutes(distDir: string) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    // Declared here, for the static files' routes too: they are the app itself.
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: route.config?.public ?? true }
    })
    const index = path.join(distDir, 'index.html')
    const built = fs.existsSync(index)
    if (built) {
      await app.register(fastifyStatic, {
        root: distDir,
        index: false,
        // One route per built file, so a path no file has falls through to the routes below
        // (and, under the relay's own paths, to the session check) instead of to a catch-all.
        wildcard: false,
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
    const notFound = (req: FastifyRequest) =>
      new HttpError(404, 'not_found', `${req.method} ${req.url.split('?')[0]} does not exist`)
    // The static handler would treat `/` as a directory; the root is the app.
    if (built) app.get('/', (_req, reply) => sendIndex(reply))
    // Every other GET: a page of the app (public), or under the relay's own paths a route that
    // does not exist (only a signed-in user learns that; others are asked to sign in).
    app.get('/*', { config: { public: (req) => isAppPath(req.url) } }, (req, reply) => {
      const isPage = isAppPath(req.url) && !path.extname(req.url.split('?')[0] ?? '')
      if (!isPage) throw notFound(req)
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
    // Other methods on paths no route has: signed-in users get a plain 404.
    app.setNotFoundHandler((req) => {
      throw notFound(req)
    })
  }
}
