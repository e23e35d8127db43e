import { useCallback } from 'react'
import type { TableGroup } from '@/shared/preferences'
import { usePreferences } from '../api/get-preferences'
import { useUpdatePreferences } from '../api/update-preferences'

/** How the table groups its rows: the user's own choice, kept on the relay; none at first. */
export function useTableGroup(): [TableGroup, (group: TableGroup) => void] {
  const preferences = usePreferences()
  const { mutate } = useUpdatePreferences()
  const choose = useCallback((tableGroup: TableGroup) => mutate({ tableGroup }), [mutate])
  return [preferences.data?.tableGroup ?? 'none', choose]
}
