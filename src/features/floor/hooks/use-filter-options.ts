import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { type DeptOption, deptOptions, skillOptions } from '../utils/filter-sort'
import { arraysEqual, memoByKey, shallowDeepEqual } from '../utils/memo-selector'
import { useCollator } from './use-collator'

// Skills and departments change far less often than states: both are derived anew only when
// the roster changed.
const selectSkills = memoByKey(
  (s: FloorState) => s.roster,
  (s) => skillOptions(s.agents, s.ids),
  arraysEqual,
)

/** Skill groups to filter by: every one some agent belongs to. */
export function useSkillOptions(): readonly string[] {
  return useFloorStore(selectSkills)
}

/** Departments to filter by, in org-tree order. */
export function useDeptOptions(): readonly DeptOption[] {
  const collator = useCollator()
  const select = useMemo(
    () =>
      memoByKey(
        (s: FloorState) => s.roster,
        (s) => deptOptions(s.agents, s.ids, collator),
        (a, b) => a.length === b.length && a.every((d, i) => shallowDeepEqual(d, b[i])),
      ),
    [collator],
  )
  return useFloorStore(select)
}

/** Department position (`1.2`) → name, for departments some agent is in. */
export function useDeptNames(): ReadonlyMap<string, string> {
  const options = useDeptOptions()
  return useMemo(
    () =>
      new Map(
        options.flatMap((o) => (o.treePos && o.label !== o.key ? [[o.treePos, o.label]] : [])),
      ),
    [options],
  )
}
