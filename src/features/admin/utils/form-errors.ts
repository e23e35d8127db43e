import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { isApiError } from '@/lib/api-client'
import { apiErrorMessage } from '@/lib/api-error-message'

/** Messages per form field, plus one for the dialog as a whole. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  form: string | null
}

export function noErrors<F extends string>(): FormErrors<F> {
  return { fields: {}, form: null }
}

/**
 * The contract's own zod checks (`src/shared/admin.ts`), in the user's language: the schema
 * says what is wrong by code, the page says it in words.
 */
export function issuesToErrors<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly F[],
  t: TFunction<'admin'>,
): FormErrors<F> {
  const errors = noErrors<F>()
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '')
    const message = issueMessage(issue, t)
    if ((fields as readonly string[]).includes(name)) errors.fields[name as F] ??= message
    else errors.form ??= message
  }
  return errors
}

function issueMessage(issue: z.core.$ZodIssue, t: TFunction<'admin'>): string {
  if (issue.code === 'too_small') {
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minChars', { count: Number(issue.minimum) })
  }
  if (issue.code === 'too_big') return t('validation.maxChars', { count: Number(issue.maximum) })
  if (issue.code === 'invalid_format' && issue.path[0] === 'username') {
    return t('validation.usernameChars')
  }
  return issue.message // rarer checks keep the contract's own (English) words
}

/**
 * A refused request, next to the field the relay named (`"username: …"`) or for the dialog.
 * `conflict` lets the caller word a 409 (a taken name, demoting yourself).
 */
export function apiErrorToErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction<'admin'>,
  conflict?: (message: string) => Partial<FormErrors<F>>,
): FormErrors<F> {
  const errors = noErrors<F>()
  if (!isApiError(error)) {
    errors.form = t('errors.generic', { message: String(error) })
    return errors
  }
  if (error.status === 409 && conflict) return { ...errors, ...conflict(error.message) }
  const field = error.field
  if ((error.status === 400 || error.status === 409) && field) {
    if ((fields as readonly string[]).includes(field.name)) {
      errors.fields[field.name as F] = field.message
      return errors
    }
  }
  errors.form = apiErrorMessage(error, t)
  return errors
}
