import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as z from 'zod/mini'
import { badRequest } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import type { FloorReplay } from '../replay/floor-replay'
import { FLOOR_RATE, MOMENTS_RATE } from '../web/request-limits'
import type { Audience } from './audience'
import type { FloorGateway } from './floor.gateway'

/** The longest stretch `GET /api/floor/moments` looks through, ms (a day). */
export const MOMENTS_SPAN_MAX_MS = 24 * 60 * 60 * 1000

/** An ISO time or epoch ms (digits), read as epoch ms. */
const moment = z.pipe(
  z.string().check(z.minLength(1), z.maxLength(40)),
  z.transform((text: string, ctx) => {
    const ms = /^\d{1,15}$/.test(text) ? Number(text) : Date.parse(text)
    if (Number.isFinite(ms)) return ms
    ctx.issues.push({
      code: 'custom',
      message: 'expected an ISO time (2026-12-07T10:15:00+08:00) or epoch ms',
      input: text,
    })
    return z.NEVER
  }),
)
const floorQuery = z.object({ at: z.optional(moment) })
const momentsQuery = z.object({ from: moment, to: moment })

/**
 * `GET /api/floor`: the same snapshot a socket client gets on connect, for scripts and for
 * checking what a screen should show; with `?at=`, the floor as it was at that moment.
 * `GET /api/floor/moments?from=&to=`: the breaches and service-level crossings between two times.
 */
export function floorRoutes(
  gateway: FloorGateway,
  audienceOf: (req: FastifyRequest) => Audience,
  replay?: FloorReplay,
) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    app.get('/api/floor', { config: { kiosk: true, rateLimit: FLOOR_RATE } }, async (req) => {
      const { at } = parseWith(floorQuery, req.query)
      if (at === undefined || !replay) return gateway.snapshot(audienceOf(req))
      inWindow(replay, 'at', at)
      return replay.floorAt(audienceOf(req), at)
    })
    if (!replay) return
    app.get('/api/floor/moments', { config: { kiosk: true, rateLimit: MOMENTS_RATE } }, (req) => {
      const { from, to } = parseWith(momentsQuery, req.query)
      inWindow(replay, 'from', from)
      if (to < from) throw badRequest('to: must not be before from')
      if (to - from > MOMENTS_SPAN_MAX_MS) throw badRequest('to: at most 24 hours after from')
      // A window that runs on past now (the hours around a recent moment) answers what has
      // happened so far; the answer's `to` says up to when.
      return replay.moments(audienceOf(req), from, Math.min(to, replay.now()))
    })
  }
}

/** Refuses a moment the floor cannot be shown at: in the future, or past the retention window. */
function inWindow(replay: FloorReplay, field: string, at: number): void {
  const now = replay.now()
  const earliest = replay.earliest(now)
  if (at > now) throw badRequest(`${field}: is in the future (now is ${iso(now)})`, { now })
  if (at < earliest)
    throw badRequest(
      `${field}: is before the earliest moment kept, ${iso(earliest)} (events are kept ${replay.retentionDays} days)`,
      { earliest },
    )
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
