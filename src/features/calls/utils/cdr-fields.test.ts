import { describe, expect, it } from 'vitest'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'
import {
  CDR_DETAIL_FIELDS,
  CDR_DETAIL_GROUPS,
  LIST_ONLY_FIELDS,
  RECORDING_COLUMNS,
} from './cdr-fields'
import { CALL_COLUMNS, ROBOT_COLUMNS } from './list-columns'

// §4.4.2 of the seed, as its table lists them.
const SEED_4_4_2 =
  'callId ani dnis callType callTypeName trunkName trunkMember beginTime customerNo customerAreaCode ' +
  'customerRingLength customerAnswerTime result resultCode firstIvrNo firstIvrAnswerTime firstStationNo ' +
  'firstStationRingTime firstStationAnswerTime firstAgentNo lastQueueNo lastQueueLength lastRoutePoint ' +
  'endTime endType endTypeName hangupDevice conferenced transferred relateCall domain callLength ' +
  'talkLength timeId displayNumber batchName customerRosterId groupCampaignName campaignName satisfaction'

describe('record fields', () => {
  it('are every §4.4.2 field, each shown once on the detail page', () => {
    expect([...CDR_DETAIL_FIELDS]).toEqual(SEED_4_4_2.split(' '))
    const shown = CDR_DETAIL_GROUPS.flatMap((g) => g.fields.map((f) => f.field))
    expect([...shown].sort()).toEqual([...CDR_DETAIL_FIELDS].sort())
  })

  it('have a label in both languages, for the detail page and both grids', () => {
    for (const field of [...CDR_DETAIL_FIELDS, ...LIST_ONLY_FIELDS]) {
      expect(zh.cdrFields[field], field).toMatch(/\S/)
      expect(en.cdrFields[field], field).toMatch(/\S/)
      expect(en.cdrFields[field], field).not.toBe(zh.cdrFields[field])
    }
    for (const c of [...CALL_COLUMNS, ...ROBOT_COLUMNS]) expect(zh.cdrFields[c.field]).toBeTruthy()
    for (const c of RECORDING_COLUMNS) {
      expect(zh.recordingFields[c.field]).toMatch(/\S/)
      expect(en.recordingFields[c.field]).toMatch(/\S/)
    }
  })

  it('cover the §4.5.2 and §4.6.2 columns', () => {
    const list45 =
      'beginTime callTypeName ani dnis displayNumber result talkLength endTypeName campaignName ' +
      'groupCampaignName batchName customerRosterId customerId c0 c1 c2'
    // …and who took the call, from which skill group, as the relay adds them.
    const added = ' agentId skillId'
    expect(CALL_COLUMNS.map((c) => c.field).sort()).toEqual((list45 + added).split(' ').sort())
    const list46 =
      'callTypeName ani dnis batchId batchName round rosterId beginTime endTime customerAnswerTime ' +
      'result conclusion intent talkLength chatBotTemplate ivrNo campaignId'
    expect(ROBOT_COLUMNS.map((c) => c.field).sort()).toEqual(list46.split(' ').sort())
  })
})
