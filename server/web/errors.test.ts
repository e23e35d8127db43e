import { PassThrough } from 'node:stream'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { ERROR_CODES, type ErrorBody } from '@/shared/errors'
import { HttpError, notFound } from '../lib/http-error'
import { parseWith } from '../lib/validate'
import { INTERNAL_MESSAGE, installErrorHandler } from './errors'

// The root error handler on a bare Fastify: whatever a route throws, the client gets one shape.
let app: FastifyInstance
let log = ''

async function start(): Promise<FastifyInstance> {
  const stream = new PassThrough()
  stream.on('data', (d: Buffer) => (log += d.toString()))
  app = Fastify({ logger: { level: 'info', stream }, bodyLimit: 1024 })
  installErrorHandler(app)
  const body = z.object({ name: z.string().check(z.minLength(2)) })
  app.post('/things', (req) => parseWith(body, req.body))
  app.get('/things/:id', () => {
    throw notFound('no thing 7')
  })
  app.get('/wait', () => {
    throw new HttpError(
      429,
      'throttled',
      'try again in 1 minute',
      { retryAfterSec: 60 },
      { 'retry-after': '60' },
    )
  })
  app.get('/broken', () => {
    throw new Error('SQLITE_CORRUPT at /var/lib/relay/relay.db')
  })
  app.get('/rejected', async () => Promise.reject(new TypeError('x is undefined')))
  await app.ready()
  return app
}

afterEach(async () => {
  await app.close()
  log = ''
})

function expectShape(body: unknown): asserts body is ErrorBody {
  const b = body as ErrorBody
  expect(typeof b.message).toBe('string')
  expect(ERROR_CODES).toContain(b.error)
}

describe('the root error handler', () => {
  it('answers a thrown refusal with its status, code, message, fields and headers', async () => {
    await start()
    const missing = await app.inject({ method: 'GET', url: '/things/7' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: 'not_found', message: 'no thing 7' })

    const wait = await app.inject({ method: 'GET', url: '/wait' })
    expect(wait.statusCode).toBe(429)
    expect(wait.headers['retry-after']).toBe('60')
    expect(wait.json()).toEqual({
      error: 'throttled',
      message: 'try again in 1 minute',
      retryAfterSec: 60,
    })
    // A refusal is the client's doing: nothing of it is logged as a failure.
    expect(log).not.toContain('"level":50')
  })

  it('answers a body its schema refuses with 400 naming the field', async () => {
    await start()
    const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x' } })
    expect(res.statusCode).toBe(400)
    const body: unknown = res.json()
    expectShape(body)
    expect(body.error).toBe('invalid_request')
    expect(body.message).toMatch(/^name: /)
    const ok = await app.inject({ method: 'POST', url: '/things', payload: { name: 'xy' } })
    expect(ok.json()).toEqual({ name: 'xy' })
  })

  it("answers Fastify's own refusals (malformed JSON, a body too large) in the same shape", async () => {
    await start()
    const malformed = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(malformed.statusCode).toBe(400)
    const body: unknown = malformed.json()
    expectShape(body)
    expect(body.error).toBe('invalid_request')
    expect(body.message).toContain('not valid JSON')
    expect(Object.keys(body).sort()).toEqual(['error', 'message'])

    const large = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { name: 'x'.repeat(2000) },
    })
    expect(large.statusCode).toBe(413)
    expect(large.json()).toMatchObject({ error: 'too_large' })
  })

  it('answers an unexpected failure with a 500 that tells nothing of it, and logs it', async () => {
    await start()
    for (const url of ['/broken', '/rejected']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(500)
      expect(res.json(), url).toEqual({ error: 'internal', message: INTERNAL_MESSAGE })
      expect(res.body).not.toContain('SQLITE')
      expect(res.body).not.toContain('undefined')
      expect(res.body).not.toContain('stack')
    }
    expect(log).toContain('SQLITE_CORRUPT')
    expect(log).toContain('"level":50')
  })
})
