import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { isApiError } from '@/lib/api-client'
import { type FloorSettings, THRESHOLD_FAMILIES, floorSettingsSchema } from '@/shared/settings'
import { humanDuration } from './duration'
import { type FieldPath, type SettingsDraft, candidateOf, fieldKey } from './settings-draft'

/** Messages by field (`fieldKey`), and one for the form as a whole. */
export interface SettingsErrors {
  fields: Record<string, string>
  form: string | null
}

export const NO_ERRORS: SettingsErrors = { fields: {}, form: null }

const SECONDS_FIELDS = new Set([
  'amberSec',
  'redSec',
  'slThresholdSec',
  'shortAbandonSec',
  'longSilenceSec',
])

/** A limit in the words of its field: "1 秒" for durations, "100%" for the target. */
function limitText(t: TFunction<'admin'>, path: FieldPath, limit: number): string {
  const field = String(path[path.length - 1])
  if (SECONDS_FIELDS.has(field)) return humanDuration(t, limit)
  if (field === 'slTargetPct') return `${limit}%`
  return String(limit)
}

// A field of the settings' top level (the others are inside a family, skill group or queue).
const TOP_FIELDS = new Set<PropertyKey>(['repeatCallsMin'])

function isFieldPath(path: readonly PropertyKey[]): path is FieldPath {
  return (
    (path.length > 1 || TOP_FIELDS.has(path[0]!)) &&
    path.every((p) => typeof p === 'string' || typeof p === 'number')
  )
}

/** One of the contract's checks in the user's language. */
export function issueText(t: TFunction<'admin'>, issue: z.core.$ZodIssue, path: FieldPath): string {
  if (issue.code === 'invalid_type')
    return issue.expected === 'int' ? t('thresholds.errors.integer') : t('thresholds.errors.number')
  if (issue.code === 'too_small')
    return t('thresholds.errors.min', { min: limitText(t, path, Number(issue.minimum)) })
  if (issue.code === 'too_big')
    return t('thresholds.errors.max', { max: limitText(t, path, Number(issue.maximum)) })
  if (issue.code === 'custom')
    return path[path.length - 1] === 'redSec'
      ? t('thresholds.errors.redAfterAmber')
      : t('thresholds.errors.tooMany')
  return issue.message // checks the contract does not make of these fields
}

/**
 * Checks the form against the contract (`floorSettingsSchema`): the settings to save, or the
 * messages to show beside each field.
 */
export function checkDraft(
  draft: SettingsDraft,
  t: TFunction<'admin'>,
): { settings: FloorSettings; errors: null } | { settings: null; errors: SettingsErrors } {
  const { value, halfFilled } = candidateOf(draft)
  const parsed = floorSettingsSchema.safeParse(value)
  const errors: SettingsErrors = { fields: {}, form: null }
  for (const path of halfFilled) errors.fields[fieldKey(path)] = t('thresholds.errors.both')
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (isFieldPath(issue.path)) {
        errors.fields[fieldKey(issue.path)] ??= issueText(t, issue, issue.path)
      } else {
        errors.form ??= issueText(t, issue, ['form'])
      }
    }
  }
  if (parsed.success && halfFilled.length === 0) return { settings: parsed.data, errors: null }
  return { settings: null, errors }
}

const FAMILY = `(${THRESHOLD_FAMILIES.join('|')})`
const QUEUE_FIELD = '(slThresholdSec|slTargetPct|shortAbandonSec)'
// The relay joins a path with dots, and skill ids have dots of their own (`7001@test.cc`):
// the known ends of each path tell where the skill id stops.
const SERVER_PATHS: [RegExp, (m: RegExpExecArray) => FieldPath][] = [
  [new RegExp(`^families\\.${FAMILY}\\.(amberSec|redSec)$`), (m) => ['families', m[1]!, m[2]!]],
  [
    new RegExp(`^bySkill\\.(.+)\\.${FAMILY}\\.(amberSec|redSec)$`),
    (m) => ['bySkill', m[1]!, m[2]!, m[3]!],
  ],
  [new RegExp(`^defaultQueue\\.${QUEUE_FIELD}$`), (m) => ['defaultQueue', m[1]!]],
  [new RegExp(`^queues\\.(.+)\\.${QUEUE_FIELD}$`), (m) => ['queues', m[1]!, m[2]!]],
  [/^repeatCallsMin$/, () => ['repeatCallsMin']],
  [/^recordings\.(longSilenceSec)$/, (m) => ['recordings', m[1]!]],
]

/** The relay's English words for its checks, in the user's language where they are known. */
function serverText(t: TFunction<'admin'>, message: string, path: FieldPath): string {
  if (/later than amberSec/.test(message)) return t('thresholds.errors.redAfterAmber')
  if (/expected int/.test(message)) return t('thresholds.errors.integer')
  const small = />=\s*(-?\d+(?:\.\d+)?)/.exec(message)
  if (/too small/i.test(message) && small)
    return t('thresholds.errors.min', { min: limitText(t, path, Number(small[1])) })
  const big = /<=\s*(-?\d+(?:\.\d+)?)/.exec(message)
  if (/too big/i.test(message) && big)
    return t('thresholds.errors.max', { max: limitText(t, path, Number(big[1])) })
  return message
}

/**
 * A refused save: a 400 names its fields (`families.acw.redSec: must be later than amberSec;
 * …`), shown beside each; anything else is one message for the form.
 */
export function saveErrors(
  error: unknown,
  t: TFunction<'admin'>,
  fallback: (error: unknown) => string,
): SettingsErrors {
  const errors: SettingsErrors = { fields: {}, form: null }
  if (!isApiError(error) || error.status !== 400) {
    errors.form = fallback(error)
    return errors
  }
  for (const part of error.message.split('; ')) {
    const colon = part.indexOf(': ')
    const where = colon > 0 ? part.slice(0, colon) : ''
    const what = colon > 0 ? part.slice(colon + 2) : part
    let path: FieldPath | null = null
    for (const [re, toPath] of SERVER_PATHS) {
      const m = re.exec(where)
      if (m) {
        path = toPath(m)
        break
      }
    }
    if (path) errors.fields[fieldKey(path)] ??= serverText(t, what, path)
    else errors.form ??= fallback(error)
  }
  return errors
}
