import { useTranslation } from 'react-i18next'
import type { QueueFigures } from '@/shared/floor'
import { formatSeconds } from '@/lib/format'

export type FigureKey =
  | 'offered'
  | 'answered'
  | 'abandoned'
  | 'serviceLevel'
  | 'asa'
  | 'aht'
  | 'longestQueue'
  | 'outbound'

/**
 * What each of today's figures counts, in words, with the queue's own numbers (threshold,
 * short-abandon time, target) and, for handle time, its three parts.
 */
export function useFigureDefinitions(
  f: Pick<
    QueueFigures,
    'slThresholdSec' | 'shortAbandonSec' | 'slTargetPct' | 'avgTalkSec' | 'avgHoldSec' | 'avgAcwSec'
  >,
): Record<FigureKey, string> {
  const { t } = useTranslation()
  const parts =
    f.avgTalkSec === null
      ? ''
      : ` ${t('figures.defAhtParts', {
          talk: formatSeconds(f.avgTalkSec),
          hold: formatSeconds(f.avgHoldSec),
          acw: formatSeconds(f.avgAcwSec),
        })}`
  return {
    offered: t('figures.defOffered'),
    answered: t('figures.defAnswered'),
    abandoned: t('figures.defAbandoned'),
    serviceLevel: t('figures.defServiceLevel', {
      sec: f.slThresholdSec,
      short: f.shortAbandonSec,
      target: f.slTargetPct,
    }),
    asa: t('figures.defAsa'),
    aht: `${t('figures.defAht')}${parts}`,
    longestQueue: t('figures.defLongestQueue'),
    outbound: t('figures.defOutbound'),
  }
}
