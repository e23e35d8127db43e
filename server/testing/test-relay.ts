import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@/shared/events'
import { type App, createApp } from '../app'
import { loadConfig, type RelayConfig } from '../config'
import { type Db, openDatabase } from '../db/database'

export const TEST_TOKEN = 'test-webhook-token-0123456789'

export interface TestRelay {
  url: string
  app: App
  db: Db
  config: RelayConfig
  dataDir: string
  /** POSTs one event to the webhook; resolves to the status and parsed answer. */
  post(
    event: unknown,
    opts?: { token?: string | null; contentType?: string; raw?: string },
  ): Promise<{ status: number; body: Record<string, unknown> }>
  /** A real socket.io client connected to the relay. */
  client(): FloorClient
  close(opts?: { keepData?: boolean }): Promise<void>
}

export type FloorClient = Socket<ServerToClientEvents, ClientToServerEvents>

/** Starts the real relay on port 0 with its own data directory (reused when given). */
export async function startTestRelay(
  opts: { dataDir?: string; env?: Record<string, string>; now?: () => number } = {},
): Promise<TestRelay> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    WEBHOOK_TOKEN: TEST_TOKEN,
    DATA_DIR: dataDir,
    SIMULATOR: 'off',
    WELLCLOUD_NAMESPACE: 'test.cc',
    ...opts.env,
  })
  const db = openDatabase(config.dataDir)
  const app = createApp({
    config,
    db,
    logger: false,
    ...(opts.now ? { now: opts.now } : {}),
    distDir: path.join(dataDir, 'no-dist'),
  })
  const url = await app.listen()
  const clients: FloorClient[] = []
  return {
    url,
    app,
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
    client() {
      const c: FloorClient = connect(url, {
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
      })
      clients.push(c)
      return c
    },
    async close(o = {}) {
      for (const c of clients) c.disconnect()
      await app.close()
      db.close()
      if (!o.keepData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

let serial = 1000

/** A valid agentStateEvent; override any field. */
export function agentEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1
  return {
    eventName: 'agentStateEvent',
    serial,
    timestamp: '2026.11.21 10:00:00.000',
    eventType: 'agent',
    id: '5001@test.cc',
    name: '张伟',
    acState: 'Available',
    stateChangeTime: '2026.11.21 10:00:00.000',
    lastACState: 'Aux',
    instanceId: 'cms_default',
    namespace: 'test.cc',
    lastStateLength: '35',
    lastStateChangeTime: '2026.11.21 09:59:25.000',
    orgId: 'org-1',
    orgName: '客服一部',
    orgTreePos: '1.1',
    reason: 'AgentOperation',
    channelAddr: '8001@test.cc',
    skills: ['7001@test.cc'],
    callId: null,
    workSkill: null,
    ...overrides,
  }
}

/** A valid callEnd; override any field. */
export function callEndEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1
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
