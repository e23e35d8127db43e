import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../server/lib/child-process'

/*
 * Writes docs/benchmarks.md from the latest results in bench/results: every figure beside its
 * target and, where there is one, its baseline. Run by each `npm run bench:*` after its
 * measurement, so the page always shows the latest of each.
 */
type Json = Record<string, unknown>
const read = (name: string): Json | null => {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'bench/results', `${name}.json`), 'utf8'),
    ) as Json
  } catch {
    return null
  }
}
const get = (o: unknown, p: string): number | null => {
  const v = p
    .split('.')
    .reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Json)[k] : undefined), o)
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}
const fmt = (n: number | null, unit: string, digits = 0) =>
  n === null
    ? '—'
    : `${n.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`.trim()
const verdict = (n: number | null, ok: (n: number) => boolean) =>
  n === null ? 'not measured' : ok(n) ? 'met' : '**missed**'

const relay = read('relay')
const grid = read('grid')
const player = read('player')
const page = read('page')
const storage = read('storage')
const cluster = read('cluster')
const replay = read('replay')
const notes = fs.existsSync(path.join(REPO_ROOT, 'bench/notes.md'))
  ? fs.readFileSync(path.join(REPO_ROOT, 'bench/notes.md'), 'utf8')
  : ''

const rows: string[][] = []
const row = (
  area: string,
  figure: string,
  value: string,
  target: string,
  baseline: string,
  v: string,
  when: unknown,
) =>
  rows.push([
    area,
    figure,
    value,
    target,
    baseline,
    v,
    typeof when === 'string' ? when.slice(0, 16).replace('T', ' ') : '—',
  ])

if (cluster) {
  const one = cluster.one
  const two = cluster.two
  const oneRate = get(one, 'throughput.okPerSec')
  const twoRate = get(two, 'throughput.okPerSec')
  row(
    'cluster',
    'webhooks/s answered 2xx on PostgreSQL: two processes (one process beside)',
    fmt(twoRate, '/s'),
    'more than one process',
    fmt(oneRate, '/s'),
    verdict(twoRate, (x) => oneRate !== null && x > oneRate),
    cluster.measuredAt,
  )
  const screens = get(one, 'latency.clients')
  const rate = get(one, 'latency.rate')
  const target = 250
  const oneP99 = get(one, 'latency.direct.p99')
  const directP99 = get(two, 'latency.direct.p99')
  const hopP99 = get(two, 'latency.throughRedis.p99')
  row(
    'cluster',
    `${fmt(screens, '')} screens at ${fmt(rate, '/s')}: p99 to screens, two processes (one process beside)`,
    `${fmt(directP99, 'ms')} direct · ${fmt(hopP99, 'ms')} through Redis`,
    `≤ ${target} ms`,
    fmt(oneP99, 'ms'),
    verdict(hopP99, (x) => x <= target && (directP99 ?? Infinity) <= target),
    cluster.measuredAt,
  )
  const reachedOne = get(one, 'latency.answered')
  const reachedTwo = get(two, 'latency.answered')
  row(
    'cluster',
    'events/s the load reached during that run, two processes (one process beside)',
    fmt(reachedTwo, '/s'),
    fmt(rate, '/s'),
    fmt(reachedOne, '/s'),
    verdict(reachedTwo, (x) => rate !== null && x >= rate * 0.99),
    cluster.measuredAt,
  )
  const p50Direct = get(two, 'latency.direct.p50')
  const p50Hop = get(two, 'latency.throughRedis.p50')
  row(
    'cluster',
    'what the Redis hop adds to a change, p50 / p99',
    p50Direct !== null && p50Hop !== null && directP99 !== null && hopP99 !== null
      ? `${fmt(p50Hop - p50Direct, 'ms')} / ${fmt(hopP99 - directP99, 'ms')}`
      : '—',
    'within the flush window (100 ms)',
    '—',
    verdict(p50Hop !== null && p50Direct !== null ? p50Hop - p50Direct : null, (x) => x <= 100),
    cluster.measuredAt,
  )
}

if (relay) {
  const c = relay.console
  const n = relay.naive
  const max = get(c, 'throughput.maxOkPerSec')
  row(
    'relay',
    'webhooks/s answered 2xx, as fast as the relay goes',
    fmt(max, '/s'),
    '≥ 10,000 /s',
    fmt(get(n, 'throughput.maxOkPerSec'), '/s'),
    verdict(max, (x) => x >= 10_000),
    relay.measuredAt,
  )
  const naiveMax = get(n, 'throughput.maxOkPerSec')
  if (max !== null && naiveMax)
    row(
      'relay',
      'durable, validated ingest ÷ the naive relay (same run, same load generator)',
      `${(max / naiveMax).toFixed(2)} ×`,
      '≥ 0.75 ×',
      '1 ×',
      verdict(max / naiveMax, (x) => x >= 0.75),
      relay.measuredAt,
    )
  const at10k = get(c, 'throughput.at10k.okPerSec')
  row(
    'relay',
    'offered 10,000/s: answered 2xx',
    fmt(at10k, '/s'),
    '10,000 /s',
    fmt(get(n, 'throughput.at10k.okPerSec'), '/s'),
    verdict(at10k, (x) => x >= 9_900),
    relay.measuredAt,
  )
  const clients = get(relay, 'clients')
  const p50 = get(c, 'latency.p50')
  const p99 = get(c, 'latency.p99')
  row(
    'relay',
    `webhook → client latency p50, 2,000/s to ${clients} clients`,
    fmt(p50, 'ms'),
    '—',
    fmt(get(n, 'latency.p50'), 'ms'),
    '—',
    relay.measuredAt,
  )
  row(
    'relay',
    `webhook → client latency p99, 2,000/s to ${clients} clients`,
    fmt(p99, 'ms'),
    '≤ 50 ms',
    fmt(get(n, 'latency.p99'), 'ms'),
    verdict(p99, (x) => x <= 50),
    relay.measuredAt,
  )
  const sent = get(c, 'latency.sent.okPerSec')
  row(
    'relay',
    'events/s the load reached during the latency run',
    fmt(sent, '/s'),
    '2,000 /s',
    fmt(get(n, 'latency.sent.okPerSec'), '/s'),
    verdict(sent, (x) => x >= 1_950),
    relay.measuredAt,
  )
  // Side by side at the same offered load: what reaches the screens, and how soon.
  const nSent = get(n, 'latency.sent.okPerSec')
  row(
    'relay',
    'delivered at 2,000/s to the clients: relay ÷ naive relay',
    sent !== null && nSent ? `${(sent / nSent).toFixed(1)} ×` : '—',
    '—',
    '1 ×',
    '—',
    relay.measuredAt,
  )
  // The window that follows the load (FLOOR_FLUSH=adaptive, the default) against the fixed one.
  const q99 = get(c, 'quiet.latency.p99')
  if (q99 !== null) {
    row(
      'relay',
      `steady floor, 200/s to ${clients} clients: latency p50 / p99 (fixed window beside)`,
      `${fmt(get(c, 'quiet.latency.p50'), 'ms')} / ${fmt(q99, 'ms')}`,
      '≤ 25 ms (p99)',
      `${fmt(get(c, 'quietFixed.latency.p50'), 'ms')} / ${fmt(get(c, 'quietFixed.latency.p99'), 'ms')}`,
      verdict(q99, (x) => x <= 25),
      relay.measuredAt,
    )
  }
  const f99 = get(c, 'fixed.latency.p99')
  if (f99 !== null) {
    row(
      'relay',
      `2,000/s: latency p99, window following the load (fixed window beside)`,
      fmt(p99, 'ms'),
      'no worse than the fixed window',
      fmt(f99, 'ms'),
      verdict(p99, (x) => x <= f99),
      relay.measuredAt,
    )
    const lost = get(c, 'latency.lostAgentStates')
    const gaps = get(c, 'latency.gaps')
    row(
      'relay',
      '2,000/s: agents whose latest state missed a measured screen · gaps in seq (fixed window beside)',
      `${fmt(lost, '')} · ${fmt(gaps, '')}`,
      '0 · 0',
      `${fmt(get(c, 'fixed.latency.lostAgentStates'), '')} · ${fmt(get(c, 'fixed.latency.gaps'), '')}`,
      verdict(lost === null || gaps === null ? null : lost + gaps, (x) => x === 0),
      relay.measuredAt,
    )
  }
  const slowSec = get(c, 'slowScreen.pauseSec')
  if (slowSec !== null) {
    const agents = get(c, 'slowScreen.agents')
    const first = get(c, 'slowScreen.firstAfter.agents')
    const slowLost = get(c, 'slowScreen.lostAgentStates')
    const slowGaps = get(c, 'slowScreen.gaps')
    row(
      'relay',
      `a screen that reads nothing for ${fmt(slowSec, 's')} at 2,000/s, then reads again: its first batch, agents · batches of its room it stands for`,
      `${fmt(first, '')} · ${fmt(get(c, 'slowScreen.firstAfter.batches'), '')}`,
      `≤ one view per agent (${fmt(agents, '')})`,
      '—',
      verdict(first, (x) => agents !== null && x <= agents),
      relay.measuredAt,
    )
    row(
      'relay',
      'same, from then on: batches · views · agents left stale · gaps in seq',
      `${fmt(get(c, 'slowScreen.messagesAfter'), '')} · ${fmt(get(c, 'slowScreen.viewsAfter'), '')} · ${fmt(slowLost, '')} · ${fmt(slowGaps, '')}`,
      '— · — · 0 · 0',
      '—',
      verdict(slowLost === null || slowGaps === null ? null : slowLost + slowGaps, (x) => x === 0),
      relay.measuredAt,
    )
  }
  const shortMs = get(c, 'shortWindow.flushMs')
  if (shortMs !== null) {
    const s99 = get(c, 'shortWindow.latency.p99')
    const sSent = get(c, 'shortWindow.latency.sent.okPerSec')
    row(
      'relay',
      `2,000/s, fixed window made short (FLOOR_FLUSH_MS=${shortMs}): latency p50 / p99`,
      `${fmt(get(c, 'shortWindow.latency.p50'), 'ms')} / ${fmt(s99, 'ms')}`,
      '≤ 50 ms (p99)',
      '—',
      verdict(s99, (x) => x <= 50),
      relay.measuredAt,
    )
    row(
      'relay',
      `same, fixed FLOOR_FLUSH_MS=${shortMs}: events/s the load reached`,
      fmt(sSent, '/s'),
      '2,000 /s',
      '—',
      verdict(sSent, (x) => x >= 1_950),
      relay.measuredAt,
    )
  }
  const mem = get(c, 'memoryPerClientKB')
  row(
    'relay',
    'memory per connected client',
    fmt(mem, 'KB', 1),
    '≤ 50 KB',
    fmt(get(n, 'memoryPerClientKB'), 'KB', 1),
    verdict(mem, (x) => x <= 50),
    relay.measuredAt,
  )
}
if (grid) {
  const f95 = get(grid, 'frames.p95')
  row(
    'grid',
    `frame time p50, ${get(grid, 'agents')} agents, ${get(grid, 'ratePerSec')} changes/s`,
    fmt(get(grid, 'frames.p50'), 'ms', 1),
    '—',
    '—',
    '—',
    grid.measuredAt,
  )
  // The plain page that draws the same tiles with no framework (bench/grid/baseline.ts), in
  // the same run: the limit of this browser on these cores.
  const b95 = get(grid, 'baseline.frames.p95')
  const withBaseline = b95 !== null
  row(
    'grid',
    withBaseline ? 'frame time p95 (plain page beside)' : 'frame time p95',
    fmt(f95, 'ms', 1),
    withBaseline ? '≤ 1.25 × the plain page' : '≤ 16.7 ms',
    withBaseline ? fmt(b95, 'ms', 1) : '—',
    withBaseline ? verdict(f95, (x) => x <= 1.25 * b95) : verdict(f95, (x) => x <= 16.75),
    grid.measuredAt,
  )
  if (withBaseline && f95 !== null)
    row(
      'grid',
      'frame time p95: app ÷ plain page',
      `${(f95 / b95).toFixed(2)} ×`,
      '≤ 1.25 ×',
      '1 ×',
      verdict(f95 / b95, (x) => x <= 1.25),
      grid.measuredAt,
    )
  const lt = get(grid, 'longTasks.over50ms')
  const blt = get(grid, 'baseline.longTasks.over50ms')
  row(
    'grid',
    withBaseline
      ? 'long tasks over 50 ms (longest), plain page beside'
      : 'long tasks over 50 ms (longest)',
    `${fmt(lt, '')} (${fmt(get(grid, 'longTasks.max'), 'ms')})`,
    withBaseline ? '≤ 1.25 × the plain page' : '0',
    withBaseline ? `${fmt(blt, '')} (${fmt(get(grid, 'baseline.longTasks.max'), 'ms')})` : '—',
    verdict(lt, (x) => x <= Math.floor(1.25 * (blt ?? 0))),
    grid.measuredAt,
  )
  const e95 = get(grid, 'eventToPaint.p95')
  row(
    'grid',
    'event → tile painted p50',
    fmt(get(grid, 'eventToPaint.p50'), 'ms'),
    '—',
    '—',
    '—',
    grid.measuredAt,
  )
  row(
    'grid',
    withBaseline
      ? 'event → tile painted p95 (with the 100 ms batch), plain page beside'
      : 'event → tile painted p95 (with the 100 ms batch)',
    fmt(e95, 'ms'),
    '≤ 150 ms (the window + 50 ms)',
    withBaseline ? fmt(get(grid, 'baseline.eventToPaint.p95'), 'ms') : '—',
    verdict(e95, (x) => x <= 150),
    grid.measuredAt,
  )
  const neverShown = get(grid, 'eventToPaint.neverShown')
  row(
    'grid',
    'tiles that never showed the new state (no paint time)',
    fmt(neverShown, ''),
    '0',
    '—',
    verdict(neverShown, (x) => x === 0),
    grid.measuredAt,
  )
  row(
    'grid',
    'event → batch reaches the page p95',
    fmt(get(grid, 'eventToPage.p95'), 'ms'),
    '—',
    '—',
    '—',
    grid.measuredAt,
  )
}
if (player) {
  const min = (get(player, 'talkSec') ?? 0) / 60
  const w = get(player, 'inApp.waveformMs')
  const p = get(player, 'inApp.playMs')
  row(
    'player',
    `${min}-min two-track call: opened → waveform drawn`,
    fmt(w, 'ms'),
    '≤ 1,000 ms',
    fmt(get(player, 'plain.waveformMs'), 'ms'),
    verdict(w, (x) => x <= 1000),
    player.measuredAt,
  )
  row(
    'player',
    'play pressed → audio playing',
    fmt(p, 'ms'),
    '≤ 1,000 ms',
    fmt(get(player, 'plain.playMs'), 'ms'),
    verdict(p, (x) => x <= 1000),
    player.measuredAt,
  )
  row(
    'player',
    'same, page loaded from scratch → waveform',
    fmt(get(player, 'pageLoad.waveformMs'), 'ms'),
    '—',
    '—',
    '—',
    player.measuredAt,
  )
  row(
    'player',
    'same, opened the moment the call ends (peaks computed then) → waveform',
    fmt(get(player, 'onDemand.waveformMs'), 'ms'),
    '—',
    '—',
    '—',
    player.measuredAt,
  )
}
if (page) {
  const kb = get(page, 'initialJs.gzipKB')
  row(
    'page',
    'initial JavaScript of the floor (gzipped)',
    fmt(kb, 'KB', 1),
    '≤ 250 KB',
    '—',
    verdict(kb, (x) => x <= 250),
    page.measuredAt,
  )
  const ti = get(page, 'floor.interactiveMedianMs')
  row(
    'page',
    'floor usable after navigation (median of 5)',
    fmt(ti, 'ms'),
    '≤ 1,200 ms',
    '—',
    verdict(ti, (x) => x <= 1200),
    page.measuredAt,
  )
}

if (storage) {
  const ours = storage.relay
  const before = storage.previous
  const perDay = (p: string) => fmt(get(storage, `stream.${p}`), '')
  const bytes = (n: number | null, digits = 0) => fmt(n, 'B', digits)
  const gb = (n: number | null) => fmt(n === null ? null : n / 1e9, 'GB', 2)
  row(
    'storage',
    'disk per stored agent event (rows, indexes and what they refer to)',
    bytes(get(ours, 'agentEvents.bytesPerRow')),
    '—',
    bytes(get(before, 'agentEvents.bytesPerRow')),
    '—',
    storage.measuredAt,
  )
  row(
    'storage',
    'disk per stored call',
    bytes(get(ours, 'calls.bytesPerRow')),
    '—',
    bytes(get(before, 'calls.bytesPerRow')),
    '—',
    storage.measuredAt,
  )
  // What the soak counted: the whole file over the agent events (calls included).
  const filePerEvent = (o: unknown) => {
    const file = get(o, 'fileBytes')
    const rows = get(o, 'agentEvents.rows')
    return file !== null && rows ? file / rows : null
  }
  row(
    'storage',
    `whole file ÷ agent events (calls included), ${get(storage, 'agents')} agents, ${get(storage, 'hours')} h`,
    bytes(filePerEvent(ours)),
    '—',
    bytes(filePerEvent(before)),
    '—',
    storage.measuredAt,
  )
  row(
    'storage',
    `500 agents, 14 days (${perDay('eventsPerAgentDay')} events and ${perDay('callsPerAgentDay')} calls per agent a day)`,
    gb(get(ours, 'tenant.bytes')),
    '—',
    gb(get(before, 'tenant.bytes')),
    '—',
    storage.measuredAt,
  )
  row(
    'storage',
    `same, calls kept ${fmt(get(ours, 'tenant.callDays'), '')} days (CALL_RETENTION_DAYS)`,
    gb(get(ours, 'tenant.bytesWithCallRetention')),
    '—',
    gb(get(before, 'tenant.bytesWithCallRetention')),
    '—',
    storage.measuredAt,
  )
}

if (replay) {
  const shape = `${fmt(get(replay, 'agents'), '')} agents × ${fmt(get(replay, 'days'), '')} days`
  for (const [kind, label] of [
    ['sqlite', 'SQLite'],
    ['postgres', 'PostgreSQL'],
  ] as const) {
    const r = replay[kind]
    if (!r) continue
    const inProcess = (r as Json).inProcess ? ', timed in-process' : ''
    const p95 = get(r, 'pastFloor.p95Ms')
    row(
      'replay',
      `\`GET /api/floor?at=\` p95 (p50, max), ${shape}, ${label}${inProcess}`,
      `${fmt(p95, 'ms')} (${fmt(get(r, 'pastFloor.p50Ms'), 'ms')}, ${fmt(get(r, 'pastFloor.maxMs'), 'ms')})`,
      `≤ ${fmt(get(replay, 'targetMs'), 'ms')}`,
      '—',
      verdict(p95, (x) => x <= (get(replay, 'targetMs') ?? 500)),
      replay.measuredAt,
    )
    row(
      'replay',
      `\`GET /api/floor/moments\` over an hour, p95, ${label}${inProcess}`,
      fmt(get(r, 'moments.p95Ms'), 'ms'),
      '—',
      '—',
      '—',
      replay.measuredAt,
    )
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return 'Chromium (version unknown)'
  }
}

/** The figures' lines of the table the page has now (none when there is no page). */
function previousRows(file: string): string[] {
  if (!fs.existsSync(file)) return []
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const header = lines.findIndex((l) => l.startsWith('| area | figure |'))
  if (header < 0) return []
  const body = lines.slice(header + 2)
  const end = body.findIndex((l) => !l.startsWith('| '))
  return end < 0 ? body : body.slice(0, end)
}

const cpu = os.cpus()
// A part not measured in this checkout (its results are not in bench/results) keeps the lines
// it has on the page now, so running one part never drops the others' figures.
const previous = previousRows(path.join(REPO_ROOT, 'docs/benchmarks.md'))
const measured = new Set(rows.map((r) => r[0]))
const areaOf = (line: string) => line.split(' | ')[0]!.slice(2)
const areas = [...new Set([...rows.map((r) => r[0]!), ...previous.map(areaOf)])]
const table = [
  '| area | figure | measured | target | baseline | verdict | when (UTC) |',
  '|---|---|---|---|---|---|---|',
  ...areas.flatMap((area) =>
    measured.has(area)
      ? rows.filter((r) => r[0] === area).map((r) => `| ${r.join(' | ')} |`)
      : previous.filter((l) => areaOf(l) === area),
  ),
].join('\n')
const md = `# Benchmarks

Produced by \`npm run bench\` (each part alone: \`npm run bench:relay\`, \`bench:cluster\`, \`bench:grid\`,
\`bench:player\`, \`bench:page\`, \`bench:storage\`). Every process talks over loopback on one
machine; nothing is mocked. Figures are from the last run of each part.

**Machine:** ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB,
${os.type()} ${os.release()}, Node.js ${process.version}, ${chromiumVersion()}.
**Report written:** ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

${table}

**Baselines.** Relay: a naive socket.io relay (\`bench/relay/naive-relay.ts\`) that parses each
webhook and broadcasts it to every client the moment it arrives: no validation, no storage,
no coalescing. Player: plain wavesurfer given the recording's URL, which downloads and decodes
the whole file in the browser before it draws. Storage: the same webhooks stored as the previous
release did (\`bench/storage/previous-store.ts\`): every field as text in each event's row, and
each call's summary as JSON beside the platform's whole body.

## How each is measured

- **Relay** (\`bench/relay\`): the real relay process (simulator off) and the baseline, in turn.
  Webhooks come from an autocannon process, each a new \`agentStateEvent\` whose
  \`stateChangeTime\` is the moment it is sent. Throughput: as fast as answers come (32
  connections, 10 s), then offered at 10,000/s. Latency: 2,000 events/s over 2,000 agents to
  the clients: a few are real socket.io clients that parse every batch and record, for each
  agent, now − \`stateChangeTime\`; the rest speak the same protocol on bare websockets and
  only count bytes, so one process on these two cores can hold them all. The measured clients
  keep the floor as the page does and, once the load stops, compare it with a fresh snapshot
  (an agent whose latest state differs is a lost event) and count gaps in \`seq\`. Each latency
  run is made with the window that follows the load (\`FLOOR_FLUSH=adaptive\`, the default) and
  with the fixed one (\`FLOOR_FLUSH=fixed\`), at 2,000/s and at a steady 200/s, each on a fresh
  relay. Slow screen: 50 screens read on while one (speaking engine.io's long polling, so that
  it stops reading at once rather than after the kernel's buffers fill) asks for nothing for
  15 s (not 60: engine.io drops a screen that answers no ping within 45 s) under 2,000
  events/s, then reads again. Memory: the relay's heap and buffers after a full garbage
  collection (read over the inspector protocol) with the clients connected and idle, less before,
  per client.
- **Cluster** (\`bench/cluster\`): the relay on the local PostgreSQL, first as one process, then
  as two sharing it and the local Redis (\`REDIS_URL\`), on the same two cores. Throughput: one
  load generator per process, as fast as answers come (32 connections, 10 s), summed. Latency:
  500 screens, half on each process, and 1,000 events/s posted to the first process only: the
  screens on the second see each change through the Redis hop, the others directly; the
  difference between their p50 and p99 is what the hop adds. With one process, all screens on it.
- **Grid** (\`bench/grid\`): the built app in Chromium at 1920×1080, 5,000 agents on the floor,
  1,000 changes/s for 60 s from another process. In the page: frame times from the clock when
  each frame runs, long tasks from PerformanceObserver, and for every tile on screen that
  changes, the time from its event to the frame after the app put the new state in the DOM.
  Then, in the same browser, a plain page with no framework (\`bench/grid/baseline.ts\`) draws
  as many tiles of the same size, keeps all 5,000 agents in memory, applies the same changes in
  the same 100 ms batches by setting text and classes, and ticks the timers each second: the
  baseline the app's frame time and long tasks are held to (within 1.25×).
- **Player** (\`bench/player\`): the simulator records a 60-minute two-track call; a supervisor
  opens it from the floor (the app already loaded), waits for the waveform, presses play.
- **Page** (\`bench/page\`): the build manifest's entry and its static imports, gzipped; the
  floor (60 agents) opened five times from a fresh tab until a tile click is answered.
- **Replay** (\`bench/replay\`): a store of 5,000 agents × 14 days written directly in bulk
  (12 events and 8 calls per agent a day, fewer than a real floor so it builds in about a
  minute; 8 skill groups, 10 departments), the day's checkpoints written as the relay writes
  them at start, then the real relay started on it: 30 \`GET /api/floor?at=\` for random
  moments of the 14 days, one at a time, timed to the whole answer, and 10
  \`GET /api/floor/moments\` over random hours. On the embedded store and on the local
  PostgreSQL (timed in-process, through the same code the route calls, when the relay does not
  start on it).
- **Storage** (\`bench/storage\`): the simulator's call center (its names, departments, skill
  groups and call flow; 500 agents, 8 skill groups, its default traffic) plays one hour after a
  15-minute warm-up on its own clock, and every webhook of that hour is posted to the real relay
  (simulator off), 16 at a time. The relay is stopped, its database checkpointed, and SQLite's
  \`dbstat\` gives the pages of each table and index: an agent event costs its share of the event
  tables (the log, agents, profiles, states) and their indexes, a call its share of the calls
  table and its indexes, whole pages counted. The 14-day figure assumes a 10-hour working day at
  the simulator's rate, every day.

${notes}`
fs.writeFileSync(path.join(REPO_ROOT, 'docs/benchmarks.md'), md)
console.log(`docs/benchmarks.md written (${rows.length} figures)`)
