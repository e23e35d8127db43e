import type { AuditEntry } from '@/shared/actions'

const COLUMNS: [string, (e: AuditEntry) => string | number | null][] = [
  ['time', (e) => new Date(e.at).toISOString()],
  ['user', (e) => e.username],
  ['operation', (e) => e.op],
  ['agent', (e) => e.agentId],
  ['agent device', (e) => e.deviceId],
  ['call', (e) => e.callId],
  ['reason', (e) => e.reason],
  ['supervisor device', (e) => e.supervisorDevice],
  ['outcome', (e) => e.outcome],
  ['status', (e) => e.status],
  ['platform status', (e) => e.upstreamStatus],
  ['message', (e) => e.message],
  ['latency ms', (e) => e.latencyMs],
]

/** RFC 4180 CSV with a BOM, so spreadsheet programs open the Chinese text as UTF-8. */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')]
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => cell(get(e))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function cell(v: string | number | null): string {
  if (v === null) return ''
  const s = String(v)
  // Quote anything with separators, and neutralise leading formula characters (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe
}
