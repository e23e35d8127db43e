import type { TFunction } from 'i18next'
import { type Staleness, durationWords } from './staleness'

/** "3 分钟" / "3 minutes". */
export function durationText(t: TFunction<'wall'>, ms: number): string {
  const { unit, count } = durationWords(ms)
  return t(`wall.units.${unit}`, { count })
}

/** What the wall says about stale data, in plain words: a headline and a line below; null when fresh. */
export function staleText(
  t: TFunction<'wall'>,
  s: Staleness,
): { title: string; detail: string } | null {
  switch (s.kind) {
    case 'fresh':
      return null
    case 'waiting':
      return { title: t('wall.waitingTitle'), detail: t('wall.waitingBody') }
    case 'link':
      return {
        title: t('wall.staleTitle', { duration: durationText(t, s.ageMs) }),
        detail: s.reconnecting ? t('wall.staleReconnecting') : t('wall.staleSilent'),
      }
    case 'quiet':
      return {
        title: t('wall.quietTitle', { duration: durationText(t, s.ageMs) }),
        detail: t('wall.quietBody'),
      }
  }
}
