import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { FloorSnapshot } from '@/shared/floor'
import { WEBHOOK_PATH } from '@/shared/webhook-tokens'
import {
  callEndEvent,
  type Session,
  startTestRelay,
  TEST_TOKEN,
  type TestRelay,
} from '../testing/test-relay'
import { agentEvent } from '../testing/agent-event'
import { type CaptureLine, parseCaptureFile } from './capture.file'

/*
 * Field diagnostics: with WEBHOOK_CAPTURE=on the relay keeps every admitted webhook as sent;
 * `npm run webhooks -- export` writes them as JSON lines and `replay` posts them to another
 * relay, in order. Each command runs as the real program, as an engineer would run it.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const HOUR_MS = 60 * 60 * 1000

const relays: TestRelay[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close()
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

async function start(opts: Parameters<typeof startTestRelay>[0] = {}): Promise<TestRelay> {
  const relay = await startTestRelay(opts)
  relays.push(relay)
  return relay
}

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/webhooks/webhooks.cli.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-cli-'))
  dirs.push(dir)
  return path.join(dir, name)
}

async function floorOf(session: Session): Promise<FloorSnapshot> {
  return (await (await session.fetch('/api/floor')).json()) as FloorSnapshot
}

/** What two relays' screens would show alike: agents (in id order) and today's figures. */
function shown(f: FloorSnapshot) {
  return {
    agents: [...f.agents].sort((a, b) => a.id.localeCompare(b.id)),
    figures: f.figures,
    latestCalls: f.latestCalls,
  }
}

// Each test runs the real program up to four times, a Node start each (seconds on a busy
// machine), beside one or two relays. ms.
const CLI_TEST_TIMEOUT_MS = 60_000

describe('field diagnostics (WEBHOOK_CAPTURE)', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('keeps nothing while capture is off', async () => {
    const relay = await start()
    expect((await relay.post(agentEvent())).status).toBe(200)
    expect((await relay.post(agentEvent({ serial: 'ten' }))).status).toBe(400)
    const rows = relay.db.prepare('SELECT COUNT(*) AS n FROM webhook_capture').get() as {
      n: number
    }
    expect(rows.n).toBe(0)
    const out = await cli(['export'], { DATA_DIR: relay.dataDir })
    expect(out.code).toBe(0)
    expect(out.stdout).toBe('')
    expect(out.stderr).toMatch(/exported 0 webhooks/)
  })

  it('exports a time range in order, and a replay makes another relay’s floor the same', async () => {
    let now = Date.UTC(2026, 11, 1, 1, 0) // 2026-12-01 09:00 in Shanghai
    const first = await start({ env: { WEBHOOK_CAPTURE: 'on' }, now: () => now })
    const sent: { raw: string; status: number }[] = []
    const post = async (event: unknown, raw = JSON.stringify(event)) => {
      const res = await first.post(null, { raw })
      sent.push({ raw, status: res.status })
    }
    await post(agentEvent({ id: '5601@test.cc', serial: 1, acState: 'Available' }))
    now += HOUR_MS // 10:00: the range starts
    // Line breaks and indentation as the platform wrote them: kept exactly.
    await post(null, JSON.stringify(agentEvent({ id: '5602@test.cc', serial: 2 }), null, 2))
    await post(
      agentEvent({ id: '5601@test.cc', serial: 3, acState: 'InboundTalking', callId: 'c-1' }),
    )
    await post(
      callEndEvent({ callId: 'c-1', agentId: '5601@test.cc', endTime: '2026.12.01 10:05:00.000' }),
    )
    await post({ eventName: 'queueStateEvent', q: 1 })
    await post(agentEvent({ id: '5603@test.cc', serial: 'ten' }))
    expect((await first.post(agentEvent(), { token: 'wrong-token-wrong-token' })).status).toBe(401)
    now += HOUR_MS // 11:00: the range ends
    await post(agentEvent({ id: '5601@test.cc', serial: 4, acState: 'Available' }))
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200, 202, 400, 200])

    // A range in platform time, written to a file.
    const file = tempFile('range.jsonl')
    const ranged = await cli(
      [
        'export',
        '--from',
        '2026-12-01 10:00:00',
        '--to',
        '2026-12-01T11:00:00+08:00',
        '--out',
        file,
      ],
      { DATA_DIR: first.dataDir },
    )
    expect(ranged.stderr).toMatch(/exported 5 webhooks/)
    const lines = parseCaptureFile(fs.readFileSync(file, 'utf8'))
    expect(lines.map((l) => [l.body, l.status])).toEqual(
      sent.slice(1, 6).map((s) => [s.raw, s.status]),
    )
    expect(lines[0]).toMatchObject<Partial<CaptureLine>>({
      receivedAt: '2026-12-01T10:00:00.000+08:00',
      namespace: 'test.cc',
      bodyKept: true,
    })

    // Everything, to stdout, replayed into a second relay (capturing too).
    const all = await cli(['export'], { DATA_DIR: first.dataDir })
    const allFile = tempFile('all.jsonl')
    fs.writeFileSync(allFile, all.stdout)
    expect(parseCaptureFile(all.stdout)).toHaveLength(7)
    const second = await start({ env: { WEBHOOK_CAPTURE: 'on' }, now: () => now })
    const target = `${second.url}${WEBHOOK_PATH}?token=${TEST_TOKEN}`
    const replayed = await cli(['replay', allFile, '--to', target])
    expect(replayed.code).toBe(0)
    expect(replayed.stdout).toMatch(/posted 7 of 7 webhooks/)
    expect(replayed.stdout).toMatch(/^ {2}200: 5$/m)
    expect(replayed.stdout).toMatch(/^ {2}202: 1$/m)
    expect(replayed.stdout).toMatch(/^ {2}400: 1$/m)
    expect(replayed.stdout).not.toContain(TEST_TOKEN)

    // The second relay took the same bodies in the same order, and shows the same floor.
    const again = parseCaptureFile((await cli(['export'], { DATA_DIR: second.dataDir })).stdout)
    expect(again.map((l) => [l.body, l.status])).toEqual(sent.map((s) => [s.raw, s.status]))
    second.lead = await second.signIn('lead')
    first.lead = await first.signIn('lead')
    expect(shown(await floorOf(second.lead))).toEqual(shown(await floorOf(first.lead)))
    expect((await floorOf(second.lead)).agents).toHaveLength(2)
  })

  it('replays only to a URL with a token, and sends nothing on a dry run', async () => {
    const relay = await start({ env: { WEBHOOK_CAPTURE: 'on' } })
    expect((await relay.post(agentEvent({ id: '5701@test.cc' }))).status).toBe(200)
    const file = tempFile('one.jsonl')
    expect((await cli(['export', '--out', file], { DATA_DIR: relay.dataDir })).code).toBe(0)

    const target = await start()
    const bare = await cli(['replay', file, '--to', `${target.url}${WEBHOOK_PATH}`])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toMatch(/--to has no \?token=/)
    const dry = await cli([
      'replay',
      file,
      '--dry-run',
      '--to',
      `${target.url}${WEBHOOK_PATH}?token=${TEST_TOKEN}`,
    ])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/would post 1 webhook to .*token=\[redacted\]/)
    expect((await floorOf(target.lead)).agents).toEqual([])
    const wrongTime = await cli(['export', '--from', 'yesterday'], { DATA_DIR: relay.dataDir })
    expect(wrongTime.code).toBe(2)
    expect(wrongTime.stderr).toMatch(/--from "yesterday" is not a time/)
  })

  it('forgets captured bodies after WEBHOOK_CAPTURE_DAYS, and quarantined ones after theirs', async () => {
    let now = Date.UTC(2026, 11, 1, 1, 0)
    const env = { WEBHOOK_CAPTURE: 'on', WEBHOOK_CAPTURE_DAYS: '3', WEBHOOK_QUARANTINE_DAYS: '5' }
    const relay = await startTestRelay({ env, now: () => now })
    await relay.post(agentEvent({ serial: 'ten' }))
    await relay.close({ keepData: true })
    const count = (r: TestRelay, table: string) =>
      (r.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

    // Pruned as the relay starts (and every hour).
    now += 4 * 24 * HOUR_MS
    const later = await startTestRelay({ dataDir: relay.dataDir, env, now: () => now })
    expect([count(later, 'webhook_capture'), count(later, 'webhook_quarantine')]).toEqual([0, 1])
    await later.close({ keepData: true })
    now += 2 * 24 * HOUR_MS
    const last = await start({ dataDir: relay.dataDir, env, now: () => now })
    expect(count(last, 'webhook_quarantine')).toBe(0)
  })
})
