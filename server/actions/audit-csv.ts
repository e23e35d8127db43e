import type { AuditEntry } from '@/shared/audit'
import { formatQueryTime } from '@/shared/platform-time'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'

export type CsvLanguage = 'zh' | 'en'

type AuditLabels = typeof zh.audit
/** The audit page's column headings (plain strings among the labels). */
type Heading = Exclude<keyof AuditLabels, 'ops' | 'outcomes'>

const LABELS: Record<CsvLanguage, AuditLabels> = { zh: zh.audit, en: en.audit }

const COLUMNS: [Heading, (e: AuditEntry, l: AuditLabels, tz: string) => string | number | null][] =
  [
    ['time', (e, _l, tz) => formatQueryTime(e.at, tz)],
    ['user', (e) => e.username],
    ['op', (e, l) => l.ops[e.op]],
    ['agent', (e) => e.agentId],
    ['agentDevice', (e) => e.deviceId],
    ['call', (e) => e.callId],
    ['reason', (e) => e.reason],
    ['supervisorDevice', (e) => e.supervisorDevice],
    ['outcome', (e, l) => l.outcomes[e.outcome]],
    ['status', (e) => e.status],
    ['upstreamStatus', (e) => e.upstreamStatus],
    ['message', (e) => e.message],
    ['latency', (e) => e.latencyMs],
  ]

/**
 * RFC 4180 CSV with a BOM, so spreadsheet programs open the Chinese text as UTF-8. Headers,
 * operations and outcomes are worded as the audit page words them in `lang`, and times are
 * the platform's (`timeZone`), as the page shows them; the latency column is in ms.
 */
export function auditCsv(entries: AuditEntry[], lang: CsvLanguage, timeZone: string): string {
  const l = LABELS[lang]
  const header = COLUMNS.map(([key]) => (key === 'latency' ? `${l.latency} (ms)` : l[key]))
  const lines = [header.map((h) => cell(h)).join(',')]
  for (const e of entries) lines.push(COLUMNS.map(([, get]) => cell(get(e, l, timeZone))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function cell(v: string | number | null): string {
  if (v === null) return ''
  const s = String(v)
  // Quote anything with separators, and neutralise leading formula characters (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe
}
