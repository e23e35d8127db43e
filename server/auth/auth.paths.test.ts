import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { openStore } from '../db/store'
import { type Session, startTestRelay, TEST_TOKEN, type TestRelay } from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { principalOf } from './auth.hooks'

let relay: TestRelay | null = null
afterEach(async () => {
  await relay?.close()
  relay = null
})

interface RawAnswer {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
}

/**
 * Sends the path exactly as written: fetch (like a browser) would resolve `.` and `..` and
 * `%2e%2e` before sending, an attacker's client does not.
 */
function raw(
  base: string,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: rawPath, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

// Every way of spelling a session-only route that a review tried, and a few more.
const DISGUISED = [
  '/%61pi/health/details',
  '/%61pi/users',
  '/%61pi/floor',
  '/%61pi/me',
  '/%61pi/kiosks',
  '/%61pi/settings',
  '/%61pi/views',
  '/%61pi/audit',
  '/%61pi/calls?pageSize=10',
  '/%61pi/agents/5001%40test.cc/timeline',
  '/%61%70%69/users',
  '/api/%75sers',
  '/api/./users',
  '/api/.%2e/api/users',
  '//api/users',
  '/api//users',
  '///api///health//details',
  '/api/%2e%2e/api/users',
  '/api/%2E%2E/api/health/details',
  '/anything/../api/users',
  '/%2e%2e/%2e%2e/api/users',
  '/api%2Fusers',
  '/api%2fhealth%2fdetails',
  '/API/users',
  '/Api/health/details',
  '/api/users/',
  '/%61pi/nothing-here',
]

describe('disguised paths without a session', () => {
  it('are refused with 401, never answered and never a 500, and leave no stack trace in the log', async () => {
    const log = new PassThrough()
    let text = ''
    log.on('data', (d: Buffer) => (text += d.toString()))
    relay = await startTestRelay({ logStream: log })
    for (const p of DISGUISED) {
      for (const method of ['GET', 'HEAD']) {
        const res = await raw(relay.url, method, p)
        expect(res.status, `${method} ${p}`).toBe(401)
        if (method === 'GET')
          expect(JSON.parse(res.body), p).toMatchObject({ reason: 'no_session' })
      }
    }
    for (const p of ['/%61pi/users', '/%61pi/auth/logout', '/%61pi/views', '//api/kiosks']) {
      const res = await raw(relay.url, 'POST', p, { 'content-type': 'application/json' })
      expect(res.status, `POST ${p}`).toBe(401)
    }
    expect(text).toContain('"statusCode":401')
    expect(text).not.toMatch(/"level":5\d/)
    expect(text).not.toContain('"stack"')
  })

  it('reach the route they spell once signed in, under that route’s own rules', async () => {
    relay = await startTestRelay()
    await relay.createUser({ username: 'root', role: 'admin' })
    const admin = await relay.signIn('root')
    const as = (s: Session, p: string) => raw(relay!.url, 'GET', p, { cookie: s.cookie })
    // A supervisor may not read the relay's details however the path is spelled.
    expect((await as(relay.lead, '/%61pi/health/details')).status).toBe(403)
    expect((await as(relay.lead, '/api/%2e%2e/api/users')).status).toBe(403)
    const details = await as(admin, '/%61pi/health/details')
    expect(details.status).toBe(200)
    expect(JSON.parse(details.body)).toMatchObject({ status: 'ok' })
    expect((await as(admin, '//api/users')).status).toBe(200)
    // An encoded slash is part of a name, never a separator.
    expect((await as(admin, '/api%2Fusers')).status).toBe(404)
  })
})

describe('deny by default', () => {
  it('refuses a route added without `public`, wherever it lives, and a public route that asks for a user', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'))
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      WEBHOOK_TOKEN: TEST_TOKEN,
      DATA_DIR: dataDir,
      SIMULATOR: 'off',
    })
    const store = await openStore(config)
    const app = createApp({ config, store, logger: false, distDir: path.join(dataDir, 'no-dist') })
    // Routes a later change might add, forgetting to say who may use them.
    app.fastify.get('/api/reports', () => ({ secret: 'figures' }))
    app.fastify.get('/reports', () => ({ secret: 'figures' }))
    app.fastify.post('/hooks/other', () => ({ secret: 'figures' }))
    app.fastify.register(async (child) => {
      child.get('/exports/today.csv', () => 'secret,figures')
    })
    // A public route that (wrongly) asks who is signed in: refused, not a 500.
    app.fastify.get('/api/careless', { config: { public: true } }, (req) => ({
      who: principalOf(req).username,
    }))
    const url = await app.listen()
    try {
      for (const [method, p] of [
        ['GET', '/api/reports'],
        ['GET', '/reports'],
        ['GET', '/%72eports'],
        ['HEAD', '/reports'],
        ['POST', '/hooks/other'],
        ['GET', '/exports/today.csv'],
        ['GET', '/api/careless'],
      ] as const) {
        const res = await raw(url, method, p)
        expect(res.status, `${method} ${p}`).toBe(401)
        expect(res.body).not.toContain('figures')
      }
    } finally {
      await app.close()
      await store.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('serves the app, its files, the sign-in routes and the webhook without a session, and nothing else', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'))
    // The test relay serves the SPA from `no-dist` under its data directory: build one there.
    const dist = path.join(dataDir, 'no-dist')
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>')
    fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log("app")')
    relay = await startTestRelay({ dataDir })
    const get = (p: string) => raw(relay!.url, 'GET', p)

    for (const page of ['/', '/login', '/calls', '/admin/users', '/wall?kiosk=1']) {
      const res = await get(page)
      expect(res.status, page).toBe(200)
      expect(res.body, page).toContain('<title>console</title>')
    }
    const asset = await get('/assets/app-1a2b.js')
    expect(asset.status).toBe(200)
    expect(asset.body).toBe('console.log("app")')
    expect(asset.headers['cache-control']).toContain('immutable')
    expect((await raw(relay.url, 'HEAD', '/assets/app-1a2b.js')).status).toBe(200)
    expect((await get('/assets/gone-9z9z.js')).status).toBe(404)
    expect((await get('/api/auth/config')).status).toBe(200)
    expect((await get('/api/health')).status).toBe(200)
    const kiosk = await get('/k/made-up-token')
    expect(kiosk.status).toBe(302)
    expect(kiosk.headers.location).toBe('/login?kiosk=invalid')
    // The webhook is public to the session check and keeps its own token check.
    expect((await relay.post(agentEvent())).status).toBe(200)
    const noToken = await relay.post(agentEvent(), { token: null })
    expect(noToken.status).toBe(401)
    expect(noToken.body.error).toBe('unauthorized')

    for (const p of ['/api/users', '/%61pi/users', '/%61pi/floor', '/api/nothing-here', '/api']) {
      expect((await get(p)).status, p).toBe(401)
    }
    // Outside the relay's own paths an odd spelling is just a page of the app.
    expect((await get('/%63alls')).body).toContain('<title>console</title>')
  })
})
