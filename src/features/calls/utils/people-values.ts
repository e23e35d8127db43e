import { localPart } from '@/lib/format'

/** A row's agent and skill group as the grid shows them (the relay adds both from the callEnd). */
type PeopleRow = Record<string, unknown> & {
  agentId?: unknown
  agentName?: unknown
  skillId?: unknown
  skillName?: unknown
}

/** The fields the relay adds to a call record (from the call's callEnd and the names it knows). */
export const PEOPLE_FIELDS = ['agentId', 'agentName', 'skillId', 'skillName'] as const

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** `张伟（5001@test.cc）`, or the id alone when the agent's name is not known; null without one. */
export function agentCell(
  row: PeopleRow,
  withName: (name: string, id: string) => string,
): string | null {
  const id = text(row.agentId)
  if (!id) return null
  const name = text(row.agentName)
  return name ? withName(name, id) : id
}

/** The skill group's name, else its number (`7001`); null without one. */
export function skillCell(row: PeopleRow): string | null {
  const id = text(row.skillId)
  if (!id) return null
  return text(row.skillName) ?? localPart(id)
}
