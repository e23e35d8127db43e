import type { CdrField } from './cdr-fields'
import type { ValueKind } from './cdr-values'

/** A column of a call-records grid (and of its CSV). */
export interface ListColumn {
  field: CdrField
  kind: ValueKind
  /** Shown until the user hides it; the rest can be shown from the columns panel. */
  visible: boolean
  /** Width in px. */
  width: number
}

const col = (field: CdrField, kind: ValueKind, visible: boolean, width = 140): ListColumn => ({
  field,
  kind,
  visible,
  width,
})

/** The §4.5.2 columns, the everyday ones shown first. */
export const CALL_COLUMNS: readonly ListColumn[] = [
  col('beginTime', 'time', true, 170),
  col('callTypeName', 'text', true, 110),
  col('ani', 'text', true, 170),
  col('dnis', 'text', true, 170),
  col('agentId', 'text', true, 210),
  col('skillId', 'text', true, 130),
  col('displayNumber', 'text', false),
  col('result', 'text', true, 110),
  col('talkLength', 'duration', true, 100),
  col('endTypeName', 'text', true, 120),
  col('campaignName', 'text', false),
  col('groupCampaignName', 'text', false),
  col('batchName', 'text', false),
  col('customerRosterId', 'text', false),
  col('customerId', 'text', false),
  col('c0', 'text', false, 110),
  col('c1', 'text', false, 110),
  col('c2', 'text', false, 110),
]

/** The §4.6.2 columns. */
export const ROBOT_COLUMNS: readonly ListColumn[] = [
  col('beginTime', 'time', true, 170),
  col('ani', 'text', false, 150),
  col('dnis', 'text', true, 170),
  col('result', 'text', true, 100),
  col('conclusion', 'text', true, 130),
  col('intent', 'text', true, 220),
  col('talkLength', 'duration', true, 100),
  col('customerAnswerTime', 'time', false, 170),
  col('endTime', 'time', false, 170),
  col('batchName', 'text', true, 200),
  col('batchId', 'text', false, 200),
  col('round', 'text', false, 80),
  col('rosterId', 'text', false, 110),
  col('chatBotTemplate', 'text', false, 160),
  col('ivrNo', 'text', false, 110),
  col('campaignId', 'text', false, 120),
  col('callTypeName', 'text', false, 110),
]
