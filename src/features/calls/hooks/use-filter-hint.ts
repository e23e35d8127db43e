import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextFilter } from '../utils/list-search'

// The platform matches ani and dnis whole (§4.5): fewer digits than the shortest full number
// (a 7-digit local number) find nothing, and the user is told so beside the field.
const SHORTEST_FULL_NUMBER = 7

/** True when `value` looks like part of a phone number rather than a whole one. */
export function isPartialNumber(value: string): boolean {
  const v = value.trim()
  return /^\+?\d+$/.test(v) && v.replace('+', '').length < SHORTEST_FULL_NUMBER
}

/** What to say under a filter field as it is typed, or null for nothing. */
export function useFilterHint(): (field: TextFilter, value: string) => string | null {
  const { t } = useTranslation('calls')
  return useCallback(
    (field: TextFilter, value: string) => {
      if ((field === 'ani' || field === 'dnis') && isPartialNumber(value))
        return t('callRecords.fullNumber')
      if (field === 'agent') return t('callRecords.agentHelp')
      if (field === 'skill') return t('callRecords.skillHelp')
      return null
    },
    [t],
  )
}
