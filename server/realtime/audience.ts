import type { AgentView, CallSummary } from '@/shared/floor'
import type { BucketFilter } from '../calls/figures'

/**
 * The part of the floor one group of clients may see. Clients with the same audience share
 * a socket.io room, so each batch is filtered and encoded once per audience, not per client.
 */
export interface Audience {
  /** Room name; equal audiences have equal keys. */
  key: string
  namespace: string
  includesAgent: (agent: AgentView) => boolean
  includesCall: (call: CallSummary) => boolean
  includesBucket: BucketFilter
}

/** A whole namespace, seen by everybody in it. */
export function namespaceAudience(namespace: string): Audience {
  return {
    key: `floor:${namespace}`,
    namespace,
    includesAgent: () => true,
    includesCall: () => true,
    includesBucket: () => true,
  }
}
