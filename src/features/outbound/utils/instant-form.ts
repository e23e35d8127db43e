import * as z from 'zod/mini'
import { type InstantOutboundBody, instantOutboundBodySchema } from '@/shared/outbound'

/** The instant-call form as typed: every field text, the data as key/value rows. */
export interface InstantForm {
  activityId: string
  rosterId: string
  callee: string
  caller: string
  tenantId: string
  data: { key: string; value: string }[]
}

export const EMPTY_INSTANT_FORM: InstantForm = {
  activityId: '',
  rosterId: '',
  callee: '',
  caller: '',
  tenantId: '',
  data: [],
}

/** A field's problem, as the form words it. */
export type InstantFieldProblem =
  'required' | 'phone' | 'caller' | 'tooLong' | 'dataKey' | 'dataTooMany'

export type InstantFormErrors = Partial<Record<keyof InstantForm, InstantFieldProblem>>

/**
 * The body to send, or what is wrong field by field, by the same schema the relay checks:
 * empty optional fields are left out, and data rows with neither key nor value are ignored.
 */
export function instantBody(
  form: InstantForm,
): { ok: true; body: InstantOutboundBody } | { ok: false; errors: InstantFormErrors } {
  const rows = form.data.filter((r) => r.key.trim() !== '' || r.value !== '')
  const errors: InstantFormErrors = {}
  if (rows.some((r) => r.key.trim() === '')) errors.data = 'dataKey'
  const input = {
    activityId: form.activityId,
    rosterId: form.rosterId,
    callee: form.callee,
    caller: form.caller,
    ...(form.tenantId.trim() ? { tenantId: form.tenantId } : {}),
    ...(rows.length > 0
      ? { data: Object.fromEntries(rows.map((r) => [r.key.trim(), r.value])) }
      : {}),
  }
  const parsed = z.safeParse(instantOutboundBodySchema, input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof InstantForm | undefined
      if (!field || errors[field]) continue
      errors[field] = problemOf(field, input, issue.code)
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  if (!parsed.success) return { ok: false, errors: { activityId: 'required' } } // not reached
  return { ok: true, body: parsed.data }
}

function problemOf(
  field: keyof InstantForm,
  input: Record<string, unknown>,
  code: string,
): InstantFieldProblem {
  const value = input[field]
  if (field === 'data') return code === 'custom' ? 'dataTooMany' : 'tooLong'
  if (typeof value === 'string' && value.trim() === '') return 'required'
  if (field === 'callee') return 'phone'
  if (field === 'caller') return 'caller'
  return 'tooLong'
}
