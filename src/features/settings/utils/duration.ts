import type { TFunction } from 'i18next'

/** Seconds as a person reads them: "1 分 30 秒" / "1 min 30 s", "2 小时" / "2 h". */
export function humanDuration(t: TFunction<'admin'>, seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const parts: string[] = []
  if (h > 0) parts.push(t('thresholds.dur.h', { count: h }))
  if (m > 0) parts.push(t('thresholds.dur.m', { count: m }))
  if (s > 0 || parts.length === 0) parts.push(t('thresholds.dur.s', { count: s }))
  return parts.join(' ')
}
