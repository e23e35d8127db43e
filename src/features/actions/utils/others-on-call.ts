import type { TFunction } from 'i18next'
import { formatHourMinute } from '@/lib/format'

/** Another lead on a call, as the relay names them. */
export interface OtherOnCall {
  by: string
  kind: 'listening' | 'barged' | 'took-over' | 'looking' | 'claimed'
  since: number
}

/** One lead on a call in words: "王主管 自 10:02 起正在监听此通话". */
export function otherOnCallLine(t: TFunction, o: OtherOnCall): string {
  if (o.kind !== 'listening' && o.kind !== 'barged' && o.kind !== 'took-over') return o.by
  return t('presence.bargeOther', {
    by: o.by,
    time: formatHourMinute(o.since),
    what: t(`presence.bargeWhat.${o.kind}`),
  })
}
