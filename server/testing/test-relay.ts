import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { io as connect, type Socket } from 'socket.io-client'
import type { Role } from '@/shared/auth'
import type { ClientToServerEvents, ServerToClientEvents } from '@/shared/events'
import type { AgentPatch, AgentView, FloorChange } from '@/shared/floor'
import { type App, type AppDeps, createApp } from '../app'
import { hashPassword } from '../auth/passwords'
import { UsersRepo } from '../auth/users.repo'
import { loadConfig, type RelayConfig } from '../config'
import type { Db } from '../db/database'
import { openStore, type Store } from '../db/store'
import { nextSerial } from './agent-event'

/** Admits webhook events of test.cc (WEBHOOK_TOKEN). */
export const TEST_TOKEN = 'test-webhook-token-0123456789'
/** Admits webhook events of other.cc, the second tenant of the tests (WEBHOOK_TOKENS). */
export const OTHER_TOKEN = 'other-webhook-token-0123456789'

export interface TestRelay {
  url: string
  app: App
  /** The relay's store. */
  store: Store
  /** The embedded database's own handle (SQLite relays), for tests that look at the rows. */
  db: Db
  config: RelayConfig
  dataDir: string
  /** POSTs one event to the webhook; resolves to the status and parsed answer. */
  post(
    event: unknown,
    opts?: { token?: string | null; contentType?: string; raw?: string },
  ): Promise<{ status: number; body: Record<string, unknown> }>
  /** A real socket.io client connected to the relay, signed in as `session` (default: a supervisor of test.cc). */
  client(session?: Session | null): FloorClient
  /** Creates a user directly in the database. */
  createUser(u: TestUser): Promise<void>
  /** Signs in over HTTP and returns the session's cookies and a fetch that sends them. */
  signIn(username: string, password?: string): Promise<Session>
  /** The default supervisor's session. */
  lead: Session
  close(opts?: { keepData?: boolean }): Promise<void>
}

export type FloorClient = Socket<ServerToClientEvents, ClientToServerEvents>

export interface TestUser {
  username: string
  role: Role
  namespace?: string
  orgPrefix?: string | null
  skills?: string[] | null
  password?: string
}

export interface Session {
  /** The Cookie header to send. */
  cookie: string
  csrf: string
  /** fetch against the relay with the session cookie and (for mutations) the CSRF header. */
  fetch(path: string, init?: RequestInit & { json?: unknown; csrf?: boolean }): Promise<Response>
}

export const TEST_PASSWORD = 'correct-horse-battery'

/** The name of the admin `startRelayWithAdmin` signs in. */
const TEST_ADMIN = 'root'

/** A fresh relay (as `startTestRelay`) with an admin, `root`, signed in: the admin pages' tests. */
export async function startRelayWithAdmin(): Promise<{ relay: TestRelay; admin: Session }> {
  const relay = await startTestRelay()
  await relay.createUser({ username: TEST_ADMIN, role: 'admin' })
  return { relay, admin: await relay.signIn(TEST_ADMIN) }
}

/** Starts the real relay on port 0 with its own data directory (reused when given). */
export async function startTestRelay(
  opts: {
    dataDir?: string
    env?: Record<string, string>
    now?: () => number
    throttle?: AppDeps['throttle']
    /** Capture the relay's log here instead of discarding it. */
    logStream?: NodeJS.WritableStream
  } = {},
): Promise<TestRelay> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    WEBHOOK_TOKEN: TEST_TOKEN,
    DATA_DIR: dataDir,
    SIMULATOR: 'off',
    WELLCLOUD_NAMESPACE: 'test.cc',
    WEBHOOK_TOKENS: `other.cc=${OTHER_TOKEN}`,
    ...opts.env,
  })
  const store = await openStore(config)
  const db = store.sqlite as Db
  const app = createApp({
    config,
    store,
    ...(opts.logStream ? { logStream: opts.logStream } : { logger: false as const }),
    distDir: path.join(dataDir, 'no-dist'),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
  })
  const url = await app.listen()
  const clients: FloorClient[] = []
  const users = new UsersRepo(store.db)
  const createUser = async (u: TestUser) => {
    if (await users.credentials(u.username)) return
    await users.create(
      {
        username: u.username,
        passwordHash: await hashPassword(u.password ?? TEST_PASSWORD),
        role: u.role,
        scope: {
          namespace: u.namespace ?? 'test.cc',
          orgPrefix: u.orgPrefix ?? null,
          skills: u.skills ?? null,
        },
      },
      Date.now(),
    )
  }
  const signIn = (username: string, password = TEST_PASSWORD) => signInAt(url, username, password)
  await createUser({ username: 'lead', role: 'supervisor' })
  const lead = await signIn('lead')
  return {
    url,
    lead,
    createUser,
    signIn,
    app,
    store,
    db,
    config,
    dataDir,
    async post(event, o = {}) {
      const token = o.token === undefined ? TEST_TOKEN : o.token
      const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
      const res = await fetch(`${url}/webhooks/wellcloud${query}`, {
        method: 'POST',
        headers: { 'content-type': o.contentType ?? 'application/json' },
        body: o.raw ?? JSON.stringify(event),
      })
      const text = await res.text()
      let body: Record<string, unknown>
      try {
        body = JSON.parse(text) as Record<string, unknown>
      } catch {
        body = { text }
      }
      return { status: res.status, body }
    },
    client(session: Session | null = lead) {
      const c: FloorClient = connect(url, {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
        extraHeaders: session ? { cookie: session.cookie } : {},
      })
      clients.push(c)
      return c
    },
    async close(o = {}) {
      for (const c of clients) c.disconnect()
      await app.close()
      await store.close()
      if (!o.keepData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Signs in at a relay and keeps the cookies it sets. */
export async function signInAt(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 204)
    throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`)
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const csrf = cookies.find((c) => c.startsWith('csrf='))?.slice('csrf='.length) ?? ''
  const cookie = cookies.join('; ')
  return {
    cookie,
    csrf,
    fetch(path, init = {}) {
      const { json, csrf: sendCsrf = true, ...rest } = init
      const headers = new Headers(rest.headers)
      headers.set('cookie', cookie)
      if (sendCsrf) headers.set('x-csrf-token', csrf)
      if (json !== undefined) headers.set('content-type', 'application/json')
      return fetch(`${url}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      })
    },
  }
}

/** A valid callEnd; override any field. */
export function callEndEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const serial = nextSerial()
  return {
    eventName: 'callEnd',
    eventSrc: 'src-1',
    timestamp: '2026.11.21 10:05:00.000',
    serial,
    eventType: 'statEvent',
    namespace: 'test.cc',
    instanceId: 'cms_default',
    mediaServer: '172.16.43.20',
    callId: `call-${serial}`,
    cid: `cid-${serial}`,
    ani: '18612345678',
    dnis: '33255500',
    callType: 'Inbound',
    deviceId: '8001@test.cc',
    agentId: '5001@test.cc',
    customerPhone: '18612345678',
    startTime: '2026.11.21 10:00:00.000',
    answerTime: '2026.11.21 10:00:10.000',
    endTime: '2026.11.21 10:05:00.000',
    skillId: '7001@test.cc',
    queueLength: 8.5,
    talkLength: 290.1,
    endReason: 'CustomerHangup',
    customerRingLength: 1.2,
    deviceRingLength: 3.4,
    displayNumber: '33255540',
    trunkName: 'SCM_021',
    customerAreaCode: '410329',
    customerCityCode: '0379',
    resultCode: 0,
    campaignInfo: {},
    userData: { serviceId: 'demo01' },
    systemData: {},
    relatedCalls: [],
    hangupDevice: '8001@test.cc',
    hangupCause: 'NORMAL_CLEARING',
    conferenced: false,
    transferred: false,
    firstRoutePoint: null,
    firstQueue: { device: '7001@test.cc' },
    firstIVR: null,
    firstStation: { device: '8001@test.cc' },
    segmentList: [{ device: '7001@test.cc' }, { device: '8001@test.cc' }],
    topics: ['csta', 'stat'],
    originalCall: null,
    ...overrides,
  }
}

/** Resolves with the next payload of `event` that satisfies `accept`, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  client: FloorClient,
  event: E,
  accept: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  ms = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, handler as never)
      reject(new Error(`no ${event} within ${ms} ms`))
    }, ms)
    const handler = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!accept(payload)) return
      clearTimeout(timer)
      client.off(event, handler as never)
      resolve(payload)
    }
    client.on(event, handler as never)
  })
}

/**
 * Every agent a batch changes, whole or as a patch (a patch names only the fields that
 * changed): what a test asserts about a batch.
 */
export function changedAgents(c: FloorChange): AgentPatch[] {
  return [...c.agents, ...(c.patches ?? [])]
}

/** Applies a batch to a client's copy of the floor, as the SPA does. */
export function applyTo(floor: Map<string, AgentView>, c: FloorChange): void {
  for (const a of c.agents) floor.set(a.id, a)
  for (const p of c.patches ?? []) {
    const held = floor.get(p.id)
    if (!held) throw new Error(`patch for ${p.id}, which this client does not hold`)
    floor.set(p.id, { ...held, ...p })
  }
  for (const id of c.removed ?? []) floor.delete(id)
}
