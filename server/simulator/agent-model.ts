import type { AcState } from '../../src/shared/ac-state'
import type { Timer } from './timer-queue'
import { chineseNames } from './names'
import type { Random } from './random'

/** A department in the tenant's org tree. */
export interface Org {
  id: string
  name: string
  /** Dotted path, root `1`: the depth of the department in the tree. */
  treePos: string
}

export const DEPARTMENTS: readonly Org[] = [
  { id: 'org-1-1', name: '客服一部', treePos: '1.1' },
  { id: 'org-1-2', name: '客服二部', treePos: '1.2' },
]

/**
 * One agent and the state the platform reports for it. Mutated only by the call center
 * (`CallCenter.setState`), which emits an event on every change; external commands (CSTA)
 * go through the call center too.
 */
export interface Agent {
  /** `5001@test.cc`. */
  readonly id: string
  readonly name: string
  /** The extension the agent logs in on, `8001@test.cc`. */
  readonly extension: string
  /** Skill group ids, `7001@test.cc`; 1 to 3 of them. */
  readonly skills: readonly string[]
  readonly org: Org
  state: AcState
  /** Simulated epoch ms the current state began. */
  stateSince: number
  reason: string | null
  callId: string | null
  workSkill: string | null
  /** The next step the agent takes on its own (end of ACW, end of a break, next login). */
  timer: Timer | null
  /** When the agent next wants a break / to log out, simulated epoch ms. */
  breakDueAt: number
  logoutDueAt: number
}

export const agentId = (n: number, ns: string): string => `${5001 + n}@${ns}`
export const extensionId = (n: number, ns: string): string => `${8001 + n}@${ns}`
export const skillId = (n: number, ns: string): string => `${7001 + n}@${ns}`

/**
 * The roster: names from the seed, the first half of the floor in 客服一部, the rest in
 * 客服二部. Agent i's primary skill is i mod `skills`, so every skill group has agents,
 * plus up to two more at random.
 */
export function createRoster(
  rng: Random,
  count: number,
  skills: number,
  ns: string,
  now: number,
): Agent[] {
  const names = chineseNames(rng, count)
  return names.map((name, i) => {
    const own = new Set([i % skills])
    const extra = Math.min(skills - 1, rng.int(0, 2))
    while (own.size < 1 + extra) own.add(rng.int(0, skills - 1))
    return {
      id: agentId(i, ns),
      name,
      extension: extensionId(i, ns),
      skills: [...own].sort((a, b) => a - b).map((s) => skillId(s, ns)),
      org: DEPARTMENTS[i < count / 2 ? 0 : 1] as Org,
      state: 'LogOut',
      // Logged out since some time last night, so the first event's lastStateLength is plausible.
      stateSince: now - rng.uniform(1, 12) * 3_600_000,
      reason: null,
      callId: null,
      workSkill: null,
      timer: null,
      breakDueAt: Infinity,
      logoutDueAt: Infinity,
    }
  })
}
