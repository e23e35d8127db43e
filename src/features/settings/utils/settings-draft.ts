import {
  DEFAULT_FAMILY_THRESHOLDS,
  type FloorSettings,
  type QueueRule,
  THRESHOLD_FAMILIES,
  type ThresholdFamily,
  type ThresholdRule,
} from '@/shared/settings'

/** A duration as typed: the number and the unit it was typed in. */
export interface DurationDraft {
  text: string
  unit: 'sec' | 'min'
}

export interface RuleDraft {
  amberSec: DurationDraft
  redSec: DurationDraft
}

export type FamilyDrafts = Record<ThresholdFamily, RuleDraft>

export interface QueueDraft {
  slThresholdSec: string
  slTargetPct: string
  shortAbandonSec: string
}

/** The settings form as typed, before it is checked; skill groups and queues in the order added. */
export interface SettingsDraft {
  families: FamilyDrafts
  bySkill: { skill: string; rules: FamilyDrafts }[]
  defaultQueue: QueueDraft
  queues: { skill: string; rule: QueueDraft }[]
  /** Calls of the day from which a customer number is a repeat caller, as typed. */
  repeatCallsMin: string
  recordings: { longSilenceSec: string }
}

export const EMPTY_DURATION: DurationDraft = { text: '', unit: 'sec' }

/** Whole minutes from two minutes on are shown in minutes; anything else in seconds. */
export function durationDraft(seconds: number | undefined): DurationDraft {
  if (seconds === undefined) return EMPTY_DURATION
  return seconds >= 120 && seconds % 60 === 0
    ? { text: String(seconds / 60), unit: 'min' }
    : { text: String(seconds), unit: 'sec' }
}

/** The seconds a duration stands for (minutes may have decimals), NaN when it is not a number. */
export function durationSeconds(d: DurationDraft): number {
  const text = d.text.trim()
  if (text === '') return Number.NaN
  const n = Number(text)
  if (!Number.isFinite(n)) return Number.NaN
  return d.unit === 'min' ? Math.round(n * 60) : n
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text)
}

function ruleDraft(rule: ThresholdRule | undefined): RuleDraft {
  return { amberSec: durationDraft(rule?.amberSec), redSec: durationDraft(rule?.redSec) }
}

function familyDrafts(rules: Partial<Record<ThresholdFamily, ThresholdRule>>): FamilyDrafts {
  return Object.fromEntries(THRESHOLD_FAMILIES.map((f) => [f, ruleDraft(rules[f])])) as FamilyDrafts
}

export function emptyFamilyDrafts(): FamilyDrafts {
  return familyDrafts({})
}

export function queueDraft(rule: QueueRule): QueueDraft {
  return {
    slThresholdSec: String(rule.slThresholdSec),
    slTargetPct: String(rule.slTargetPct),
    shortAbandonSec: String(rule.shortAbandonSec),
  }
}

export function draftOf(settings: FloorSettings): SettingsDraft {
  return {
    families: familyDrafts(settings.families),
    bySkill: Object.entries(settings.bySkill).map(([skill, rules]) => ({
      skill,
      rules: familyDrafts(rules),
    })),
    defaultQueue: queueDraft(settings.defaultQueue),
    queues: Object.entries(settings.queues).map(([skill, rule]) => ({
      skill,
      rule: queueDraft(rule),
    })),
    repeatCallsMin: String(settings.repeatCallsMin),
    recordings: { longSilenceSec: String(settings.recordings.longSilenceSec) },
  }
}

/** The default family thresholds, as typed into the form. */
export function defaultFamilyDrafts(): FamilyDrafts {
  return familyDrafts(DEFAULT_FAMILY_THRESHOLDS)
}

/** A field of the form, by its place in FloorSettings (e.g. `["families","acw","redSec"]`). */
export type FieldPath = readonly (string | number)[]

export function fieldKey(path: FieldPath): string {
  return JSON.stringify(path)
}

/**
 * The draft as the value to check with `floorSettingsSchema` (blank or unreadable numbers as
 * NaN, which the schema refuses), and the overrides filled in only half, which it cannot see.
 */
export function candidateOf(draft: SettingsDraft): { value: unknown; halfFilled: FieldPath[] } {
  const halfFilled: FieldPath[] = []
  const rule = (r: RuleDraft) => ({
    amberSec: durationSeconds(r.amberSec),
    redSec: durationSeconds(r.redSec),
  })
  const bySkill: Record<string, Partial<Record<ThresholdFamily, unknown>>> = {}
  for (const { skill, rules } of draft.bySkill) {
    const overrides: Partial<Record<ThresholdFamily, unknown>> = {}
    for (const f of THRESHOLD_FAMILIES) {
      const r = rules[f]
      const amberBlank = r.amberSec.text.trim() === ''
      const redBlank = r.redSec.text.trim() === ''
      if (amberBlank && redBlank) continue // no override: the family's rule applies
      if (amberBlank || redBlank)
        halfFilled.push(['bySkill', skill, f, amberBlank ? 'amberSec' : 'redSec'])
      else overrides[f] = rule(r)
    }
    bySkill[skill] = overrides
  }
  const queue = (q: QueueDraft) => ({
    slThresholdSec: numberOf(q.slThresholdSec),
    slTargetPct: numberOf(q.slTargetPct),
    shortAbandonSec: numberOf(q.shortAbandonSec),
  })
  const value = {
    families: Object.fromEntries(THRESHOLD_FAMILIES.map((f) => [f, rule(draft.families[f])])),
    bySkill,
    defaultQueue: queue(draft.defaultQueue),
    queues: Object.fromEntries(draft.queues.map(({ skill, rule: q }) => [skill, queue(q)])),
    repeatCallsMin: numberOf(draft.repeatCallsMin),
    recordings: { longSilenceSec: numberOf(draft.recordings.longSilenceSec) },
  }
  return { value, halfFilled }
}
