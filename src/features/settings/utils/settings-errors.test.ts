import { describe, expect, it } from 'vitest'
import { i18n, loadLanguage } from '@/lib/i18n'
import { ApiError } from '@/lib/api-client'
import { type FloorSettings, defaultSettings } from '@/shared/settings'
import { checkDraft, saveErrors } from './settings-errors'
import {
  type SettingsDraft,
  candidateOf,
  draftOf,
  durationDraft,
  durationSeconds,
  emptyFamilyDrafts,
  fieldKey,
} from './settings-draft'

await loadLanguage('en') // English is fetched when wanted, as in the page

const zh = i18n.getFixedT('zh', 'admin')
const en = i18n.getFixedT('en', 'admin')
const SAVED: FloorSettings = {
  ...defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 }),
  bySkill: { '7002@test.cc': { ringing: { amberSec: 10, redSec: 20 } } },
  queues: { '7002@test.cc': { slThresholdSec: 30, slTargetPct: 90, shortAbandonSec: 5 } },
}

function edit(change: (d: SettingsDraft) => void): SettingsDraft {
  const draft = structuredClone(draftOf(SAVED))
  change(draft)
  return draft
}

describe('the thresholds form', () => {
  it('shows whole minutes in minutes and the rest in seconds, and reads both back', () => {
    expect(durationDraft(600)).toEqual({ text: '10', unit: 'min' })
    expect(durationDraft(90)).toEqual({ text: '90', unit: 'sec' })
    expect(durationDraft(60)).toEqual({ text: '60', unit: 'sec' })
    expect(durationSeconds({ text: '1.5', unit: 'min' })).toBe(90)
    expect(durationSeconds({ text: ' ', unit: 'sec' })).toBeNaN()
    expect(durationSeconds({ text: 'abc', unit: 'min' })).toBeNaN()
  })

  it('turns the saved settings into a form and back unchanged', () => {
    expect(checkDraft(draftOf(SAVED), zh)).toEqual({ settings: SAVED, errors: null })
  })

  it('says, in the user’s language, that red must come after amber', () => {
    const draft = edit((d) => {
      d.families.acw.redSec = { text: '1', unit: 'min' } // 60 s, the same as amber
    })
    const result = checkDraft(draft, zh)
    expect(result.settings).toBeNull()
    expect(result.errors?.fields[fieldKey(['families', 'acw', 'redSec'])]).toBe(
      '严重超时须长于超时警告',
    )
    expect(checkDraft(draft, en).errors?.fields[fieldKey(['families', 'acw', 'redSec'])]).toBe(
      'Critical must be longer than warning',
    )
  })

  it('refuses blanks, fractions of a second, and limits, with the limit in words', () => {
    const draft = edit((d) => {
      d.families.ringing.amberSec = { text: '', unit: 'sec' }
      d.families.hold.amberSec = { text: '2.5', unit: 'sec' }
      d.families.notReady.redSec = { text: '1441', unit: 'min' }
      d.defaultQueue.slTargetPct = '120'
      d.defaultQueue.shortAbandonSec = '-1'
    })
    const fields = checkDraft(draft, zh).errors?.fields ?? {}
    expect(fields[fieldKey(['families', 'ringing', 'amberSec'])]).toBe('请填写数字')
    expect(fields[fieldKey(['families', 'hold', 'amberSec'])]).toBe('请填写整数')
    expect(fields[fieldKey(['families', 'notReady', 'redSec'])]).toBe('不能大于 24 小时')
    expect(fields[fieldKey(['defaultQueue', 'slTargetPct'])]).toBe('不能大于 100%')
    expect(fields[fieldKey(['defaultQueue', 'shortAbandonSec'])]).toBe('不能小于 0 秒')
  })

  it('leaves a skill group’s blank rows to the tenant’s rule, and asks for both or neither', () => {
    const draft = edit((d) => {
      d.bySkill.push({ skill: '7003@test.cc', rules: emptyFamilyDrafts() })
      const rules = d.bySkill[1]!.rules
      rules.talking.amberSec = { text: '5', unit: 'min' }
      rules.talking.redSec = { text: '10', unit: 'min' }
      rules.hold.amberSec = { text: '30', unit: 'sec' }
    })
    expect(candidateOf(draft).halfFilled).toEqual([['bySkill', '7003@test.cc', 'hold', 'redSec']])
    const result = checkDraft(draft, zh)
    expect(result.errors?.fields[fieldKey(['bySkill', '7003@test.cc', 'hold', 'redSec'])]).toBe(
      '请同时填写超时警告和严重超时，或都留空',
    )
    draft.bySkill[1]!.rules.hold.amberSec = { text: '', unit: 'sec' }
    expect(checkDraft(draft, zh).settings?.bySkill['7003@test.cc']).toEqual({
      talking: { amberSec: 300, redSec: 600 },
    })
  })

  it('puts the relay’s 400 beside the fields it names, skill ids with dots included', () => {
    const error = new ApiError({
      status: 400,
      error: 'invalid_request',
      message:
        'bySkill.7002@test.cc.ringing.redSec: must be later than amberSec; queues.7002@test.cc.slTargetPct: Too big: expected number to be <=100; families.acw.amberSec: something new',
    })
    const errors = saveErrors(error, zh, () => 'fallback')
    expect(errors.fields).toEqual({
      [fieldKey(['bySkill', '7002@test.cc', 'ringing', 'redSec'])]: '严重超时须长于超时警告',
      [fieldKey(['queues', '7002@test.cc', 'slTargetPct'])]: '不能大于 100%',
      [fieldKey(['families', 'acw', 'amberSec'])]: 'something new',
    })
    expect(errors.form).toBeNull()
    const other = saveErrors(
      new ApiError({ status: 403, error: 'forbidden', message: 'no' }),
      zh,
      () => 'fallback',
    )
    expect(other).toEqual({ fields: {}, form: 'fallback' })
  })
})
