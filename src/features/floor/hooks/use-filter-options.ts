import { useMemo } from 'react'
import { type FloorState, useFloorStore } from '../stores/floor-store'
import { type DeptOption, deptOptions, skillOptions } from '../utils/filter-sort'
import { arraysEqual, memoSelector, shallowDeepEqual } from '../utils/memo-selector'
import { useCollator } from './use-collator'

const selectSkills = (() => {
  const derive = memoSelector(skillOptions, arraysEqual)
  return (s: FloorState) => derive(s.agents, s.ids)
})()

/** Skill groups to filter by: every one some agent belongs to. */
export function useSkillOptions(): readonly string[] {
  return useFloorStore(selectSkills)
}

/** Departments to filter by, in org-tree order. */
export function useDeptOptions(): readonly DeptOption[] {
  const collator = useCollator()
  const select = useMemo(() => {
    const derive = memoSelector(
      (agents: FloorState['agents'], ids: FloorState['ids']) => deptOptions(agents, ids, collator),
      (a, b) => a.length === b.length && a.every((d, i) => shallowDeepEqual(d, b[i])),
    )
    return (s: FloorState) => derive(s.agents, s.ids)
  }, [collator])
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
