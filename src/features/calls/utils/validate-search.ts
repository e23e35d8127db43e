import {
  type CallsQuery,
  type RobotCallsQuery,
  callsQuerySchema,
  robotCallsQuerySchema,
} from '@/shared/cdr'
import { type ListSearch, type ListTab, callsQueryInput, robotQueryInput } from './list-search'

/** Why a field of the form cannot be sent as it is (the page words each one). */
export type FieldProblem = 'badTime' | 'beginAfterEnd' | 'required' | 'number' | 'tooLong'

/** A form field: the range ends, or one of the text filters. */
export type FormField =
  'from' | 'to' | Exclude<keyof ListSearch, 'tab' | 'order' | 'page' | 'size' | 'half'>

/** The relay's parameter names as the form's (`beginTime` is the `from` picker). */
export function formFieldOf(param: string): FormField | null {
  switch (param) {
    case 'beginTime':
      return 'from'
    case 'endTime':
      return 'to'
    case 'ani':
    case 'dnis':
    case 'agent':
    case 'skill':
    case 'campaignId':
    case 'resultCode':
    case 'batchName':
    case 'batchId':
    case 'rosterId':
    case 'uuiKey':
    case 'uuiValue':
      return param
    default:
      return null
  }
}

export type Checked<Q> =
  { ok: true; query: Q } | { ok: false; problems: Partial<Record<FormField, FieldProblem>> }

/**
 * Checks a view's query with the contract's own schema before asking the relay, so a mistake
 * shows at its field at once; the relay checks again anyway.
 */
export function checkSearch(search: ListSearch, tab: 'calls'): Checked<CallsQuery>
export function checkSearch(search: ListSearch, tab: 'robot'): Checked<RobotCallsQuery>
export function checkSearch(
  search: ListSearch,
  tab: ListTab,
): Checked<CallsQuery> | Checked<RobotCallsQuery>
export function checkSearch(
  search: ListSearch,
  tab: ListTab,
): Checked<CallsQuery> | Checked<RobotCallsQuery> {
  const parsed =
    tab === 'robot'
      ? robotCallsQuerySchema.safeParse(robotQueryInput(search))
      : callsQuerySchema.safeParse(callsQueryInput(search))
  if (parsed.success) return { ok: true, query: parsed.data } as Checked<CallsQuery>
  const problems: Partial<Record<FormField, FieldProblem>> = {}
  for (const issue of parsed.error.issues) {
    const field = formFieldOf(String(issue.path[0] ?? ''))
    if (!field || problems[field]) continue
    problems[field] = problemOf(issue.code, field, search)
  }
  return { ok: false, problems }
}

function problemOf(code: string, field: FormField, search: ListSearch): FieldProblem {
  if (field === 'from' || field === 'to') {
    // The only check that passes both ends and still fails is their order.
    return code === 'custom' && search.from !== '' && search.to !== '' && search.from > search.to
      ? 'beginAfterEnd'
      : 'badTime'
  }
  if (code === 'too_big') return 'tooLong'
  if (field === 'resultCode') return 'number'
  return 'required'
}
