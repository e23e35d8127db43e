import fs from 'node:fs'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { DEFAULT_PLATFORM_TZ, parsePlatformTime } from '@/shared/platform-time'
import { WEBHOOK_PATH } from '@/shared/webhook-tokens'
import { openStore } from '../db/store'
import { redactUrl } from '../lib/secrets'
import { CaptureRepo } from './capture.repo'
import { lineOf, parseCaptureFile, replayLines } from './capture.file'

const USAGE = `Field diagnostics: the webhooks the relay captured (WEBHOOK_CAPTURE=on), in DATA_DIR
(default ./data), or in the PostgreSQL database DATABASE_URL names when it is set.

  npm run webhooks -- export [--from <time>] [--to <time>] [--namespace <domain>] [--out FILE]
  npm run webhooks -- replay FILE --to <webhook URL> [--dry-run]

export  writes the captured webhooks received from --from (inclusive) to --to (exclusive) as
        JSON lines, in the order the relay took them, to stdout or FILE: each line has the
        arrival time, the tenant, the relay's answer and the body exactly as sent.
        Times in platform time (PLATFORM_TZ, default ${DEFAULT_PLATFORM_TZ}) such as
        "2026-11-21 10:00:00", ISO 8601 with a zone, or epoch milliseconds.
replay  posts each body of an export file to a relay's webhook, one at a time, in the file's
        order, and counts the answers by status. The URL must carry the target relay's token,
        e.g. http://127.0.0.1:8081${WEBHOOK_PATH}?token=<its WEBHOOK_TOKEN>.
        --dry-run checks the file and the URL and says what would be sent, sending nothing.`

class UsageError extends Error {}

function timeArg(name: string, value: string | undefined, timeZone: string): number | null {
  if (value === undefined) return null
  const at = parsePlatformTime(value, timeZone)
  if (at === null) {
    throw new UsageError(
      `--${name} ${JSON.stringify(value)} is not a time: give e.g. "2026-11-21 10:00:00" (${timeZone}), 2026-11-21T10:00:00+08:00 or epoch ms`,
    )
  }
  return at
}

/** The replay target: an http(s) URL carrying a token, or why not. */
function targetOf(value: string | undefined): URL {
  if (!value) throw new UsageError('replay needs --to <webhook URL>')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--to ${JSON.stringify(redactUrl(value))} is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('--to must be an http:// or https:// URL')
  }
  // Without a token a relay answers every post 401: nothing would be replayed.
  if (!url.searchParams.get('token')) {
    throw new UsageError(
      `--to has no ?token=: give the target relay's webhook URL with its token, e.g. ${url.origin}${WEBHOOK_PATH}?token=<its WEBHOOK_TOKEN>`,
    )
  }
  return url
}

function platformZone(): string {
  const timeZone = process.env.PLATFORM_TZ ?? DEFAULT_PLATFORM_TZ
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new UsageError(
      `PLATFORM_TZ ${JSON.stringify(timeZone)} is not a time zone such as Asia/Shanghai`,
    )
  }
  return timeZone
}

async function exportCommand(values: Record<string, string | boolean | undefined>) {
  const timeZone = platformZone()
  const from = timeArg('from', values.from as string | undefined, timeZone) ?? 0
  const to = timeArg('to', values.to as string | undefined, timeZone) ?? Number.MAX_SAFE_INTEGER
  const namespace = (values.namespace as string | undefined) ?? null
  const out = values.out as string | undefined
  const store = await openStore({
    dataDir: path.resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL,
  })
  const sink: NodeJS.WritableStream = out ? fs.createWriteStream(out) : process.stdout
  let count = 0
  try {
    for await (const c of new CaptureRepo(store.db).range(from, to, namespace)) {
      const line = `${JSON.stringify(lineOf(c, timeZone))}\n`
      // Days of webhooks do not fit in memory: wait when the output is behind.
      if (!sink.write(line)) await new Promise<void>((r) => sink.once('drain', () => r()))
      count += 1
    }
  } finally {
    await store.close()
    if (sink !== process.stdout) {
      sink.end()
      await finished(sink)
    }
  }
  console.error(`exported ${count} webhook${count === 1 ? '' : 's'}${out ? ` to ${out}` : ''}`)
}

async function replayCommand(
  file: string | undefined,
  values: Record<string, string | boolean | undefined>,
) {
  if (!file) throw new UsageError('replay needs the export FILE')
  const url = targetOf(values.to as string | undefined)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new UsageError(`cannot read ${file}`)
  }
  let lines
  try {
    lines = parseCaptureFile(text)
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`)
  }
  const shown = redactUrl(url.href)
  const kept = lines.filter((l) => l.bodyKept).length
  if (values['dry-run']) {
    console.log(`would post ${kept} webhook${kept === 1 ? '' : 's'} to ${shown}, in this order`)
    if (kept < lines.length) console.log(`${lines.length - kept} without a body would be skipped`)
    return
  }
  const report = await replayLines(lines, url.href)
  console.log(`posted ${report.posted} of ${kept} webhook${kept === 1 ? '' : 's'} to ${shown}`)
  for (const [status, n] of [...report.byStatus].sort(([a], [b]) => a - b)) {
    console.log(`  ${status}: ${n}`)
  }
  if (report.skipped > 0)
    console.log(`skipped ${report.skipped} without a body (too large to read)`)
  if (report.stoppedBy) {
    console.error(`stopped: ${report.stoppedBy}`)
    process.exitCode = 1
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      namespace: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, file] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return
  }
  switch (command) {
    case 'export':
      return exportCommand(values)
    case 'replay':
      return replayCommand(file, values)
    default:
      throw new UsageError(`unknown command ${command}\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof TypeError && 'code' in err)) {
    console.error(err.message)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
