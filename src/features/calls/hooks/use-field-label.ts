import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { CdrField } from '../utils/cdr-fields'
import type { FormField } from '../utils/validate-search'

/** A record field's name in the page's language. */
export function useFieldLabel(): (field: CdrField) => string {
  const { t } = useTranslation('calls')
  return useCallback((field: CdrField) => t(`cdrFields.${field}`), [t])
}

/** A form field's label: the range ends, the UUI pair, or the record field it filters on. */
export function useFormFieldLabel(): (field: FormField) => string {
  const { t } = useTranslation('calls')
  const fieldLabel = useFieldLabel()
  return useCallback(
    (field: FormField) => {
      switch (field) {
        case 'from':
          return t('callRecords.from')
        case 'to':
          return t('callRecords.to')
        case 'uuiKey':
          return t('robot.uuiKey')
        case 'uuiValue':
          return t('robot.uuiValue')
        case 'agent':
          return t('callRecords.agent')
        case 'skill':
          return t('callRecords.skill')
        case 'ani':
        case 'dnis':
        case 'campaignId':
        case 'resultCode':
        case 'batchName':
        case 'batchId':
        case 'rosterId':
          return fieldLabel(field)
      }
    },
    [t, fieldLabel],
  )
}
