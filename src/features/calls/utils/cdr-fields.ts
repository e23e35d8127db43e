import type { ValueKind } from './cdr-values'

/** A field of the platform's records, and how its value reads. */
export interface FieldSpec<F extends string = string> {
  field: F
  kind: ValueKind
}

const text = <F extends string>(field: F): FieldSpec<F> => ({ field, kind: 'text' })
const time = <F extends string>(field: F): FieldSpec<F> => ({ field, kind: 'time' })
const seconds = <F extends string>(field: F): FieldSpec<F> => ({ field, kind: 'duration' })
const flag = <F extends string>(field: F): FieldSpec<F> => ({ field, kind: 'flag' })

/** Every field of one CDR (seed 003 §4.4.2), grouped as the detail page shows them. */
export const CDR_DETAIL_GROUPS = [
  {
    group: 'call',
    fields: [
      text('callId'),
      text('callTypeName'),
      text('callType'),
      text('ani'),
      text('dnis'),
      text('displayNumber'),
      time('beginTime'),
      time('endTime'),
      seconds('callLength'),
      seconds('talkLength'),
      text('result'),
      text('resultCode'),
      text('endTypeName'),
      text('endType'),
      text('hangupDevice'),
      flag('conferenced'),
      flag('transferred'),
      text('relateCall'),
      text('satisfaction'),
    ],
  },
  {
    group: 'customer',
    fields: [
      text('customerNo'),
      text('customerAreaCode'),
      seconds('customerRingLength'),
      time('customerAnswerTime'),
    ],
  },
  {
    group: 'route',
    fields: [
      text('trunkName'),
      text('trunkMember'),
      text('firstIvrNo'),
      time('firstIvrAnswerTime'),
      text('lastRoutePoint'),
      text('lastQueueNo'),
      seconds('lastQueueLength'),
      text('firstStationNo'),
      time('firstStationRingTime'),
      time('firstStationAnswerTime'),
      text('firstAgentNo'),
    ],
  },
  {
    group: 'campaign',
    fields: [
      text('campaignName'),
      text('groupCampaignName'),
      text('batchName'),
      text('customerRosterId'),
    ],
  },
  { group: 'record', fields: [text('domain'), text('timeId')] },
] as const

export type CdrDetailGroup = (typeof CDR_DETAIL_GROUPS)[number]['group']

/** The §4.4.2 field names, in the seed's order. */
export const CDR_DETAIL_FIELDS = [
  'callId',
  'ani',
  'dnis',
  'callType',
  'callTypeName',
  'trunkName',
  'trunkMember',
  'beginTime',
  'customerNo',
  'customerAreaCode',
  'customerRingLength',
  'customerAnswerTime',
  'result',
  'resultCode',
  'firstIvrNo',
  'firstIvrAnswerTime',
  'firstStationNo',
  'firstStationRingTime',
  'firstStationAnswerTime',
  'firstAgentNo',
  'lastQueueNo',
  'lastQueueLength',
  'lastRoutePoint',
  'endTime',
  'endType',
  'endTypeName',
  'hangupDevice',
  'conferenced',
  'transferred',
  'relateCall',
  'domain',
  'callLength',
  'talkLength',
  'timeId',
  'displayNumber',
  'batchName',
  'customerRosterId',
  'groupCampaignName',
  'campaignName',
  'satisfaction',
] as const

/** Fields of §4.5.2 and §4.6.2 that one CDR (§4.4.2) does not have. */
export const LIST_ONLY_FIELDS = [
  'customerId',
  'c0',
  'c1',
  'c2',
  'batchId',
  'round',
  'rosterId',
  'conclusion',
  'intent',
  'chatBotTemplate',
  'ivrNo',
  'campaignId',
  // Added by the relay from the call's callEnd (§4.5 rows do not name the agent).
  'agentId',
  'skillId',
] as const

/** Every record field the console names (the keys of the `cdrFields` translations). */
export type CdrField = (typeof CDR_DETAIL_FIELDS)[number] | (typeof LIST_ONLY_FIELDS)[number]

/** A recording's fields (§4.2.2) as the recordings table shows them. */
export const RECORDING_COLUMNS = [
  time('startTime'),
  seconds('recordLength'),
  text('recordChannel'),
  text('recordType'),
  text('recordFormat'),
  text('audioInMos'),
] as const

/** A segment of the call (when the platform sends them): what a lane of the call did. */
export const SEGMENT_COLUMNS = [
  text('type'),
  text('deviceId'),
  text('agentId'),
  text('skillId'),
  time('startTime'),
  time('answerTime'),
  time('endTime'),
] as const
