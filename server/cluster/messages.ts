import { z } from 'zod'
import { agentPresenceSchema, PRESENCE_KINDS } from '@/shared/presence'

// Bounds on what an entry may carry: Redis is shared, and what it holds is read like any input.
const MAX_BODY_CHARS = 2 * 1024 * 1024
const text = (max: number) => z.string().max(max)
const id = text(256)

/**
 * What the relay processes of a cluster tell each other through the feed, in one order for all.
 * Each is something one process accepted or changed that every other must apply to what it
 * holds in memory (what must last is already in the store when it is sent).
 */
export const clusterMessageSchema = z.discriminatedUnion('kind', [
  /** A webhook one process admitted and stored: the others apply it to their floor. */
  z.object({
    kind: z.literal('webhook'),
    namespace: id,
    receivedAt: z.number(),
    body: text(MAX_BODY_CHARS),
  }),
  /** A call back placed through one process: every floor shows who is calling the customer. */
  z.object({
    kind: z.literal('call-back'),
    namespace: id,
    customerPhone: id,
    callId: id,
    username: id,
    at: z.number(),
  }),
  /** A failed sign-in, counted by every process's throttle. */
  z.object({
    kind: z.literal('sign-in-failed'),
    username: id,
    address: id,
    known: z.boolean(),
  }),
  /** A user's or kiosk link's sessions changed (signed out everywhere, disabled, role changed). */
  z.object({
    kind: z.literal('sessions-changed'),
    owner: z.union([z.object({ userId: z.number() }), z.object({ kioskId: z.number() })]),
  }),
  /** One session ended (signed out): its sockets close on every process. */
  z.object({ kind: z.literal('signed-out'), sessionId: id }),
  /** Stored settings changed: each process reads them again. */
  z.object({
    kind: z.literal('reload'),
    what: z.enum(['settings', 'skill-names', 'webhook-tokens', 'agent-lookups']),
    namespace: id.nullable(),
  }),
  /** Who is on an agent changed on one process: every process holds the same. */
  z.object({
    kind: z.literal('presence'),
    namespace: id,
    agentId: id,
    entries: z
      .array(
        z.object({
          by: id,
          kind: z.enum(PRESENCE_KINDS),
          since: z.number(),
          holder: id,
          callId: id.nullable(),
          expiresAt: z.number().nullable(),
        }),
      )
      .max(100),
    snooze: z
      .object({
        by: id,
        reason: text(400),
        since: z.number(),
        until: z.number(),
        stateSince: z.number(),
      })
      .nullable(),
  }),
  /** …and what the screens show of it changed: each process tells its own screens. */
  z.object({ kind: z.literal('presence-shown'), namespace: id, presence: agentPresenceSchema }),
  /** A process could not pass on everything it accepted: the others rebuild from the store. */
  z.object({ kind: z.literal('resync') }),
])

export type ClusterMessage = z.infer<typeof clusterMessageSchema>
export type ClusterMessageOf<K extends ClusterMessage['kind']> = Extract<
  ClusterMessage,
  { kind: K }
>

/** An entry read back from the feed, or null when this release cannot read it. */
export function parseClusterMessage(value: unknown): ClusterMessage | null {
  const parsed = clusterMessageSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
