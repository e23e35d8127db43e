import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SNAPSHOT_RATE } from '../web/request-limits'
import type { Audience } from './audience'
import type { FloorGateway } from './floor.gateway'

/**
 * `GET /api/floor`: the same snapshot a socket client gets on connect, for scripts and for
 * checking what a screen should show.
 */
export function floorRoutes(gateway: FloorGateway, audienceOf: (req: FastifyRequest) => Audience) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/floor', { config: { kiosk: true, rateLimit: SNAPSHOT_RATE } }, (req) =>
      gateway.snapshot(audienceOf(req)),
    )
  }
}
