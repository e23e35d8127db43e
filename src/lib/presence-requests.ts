import type { PresenceAnswer, SnoozeRequest } from '@/shared/presence'

/** What a lead's screen says to the relay about who is on which agent. */
export interface PresenceRequests {
  /** The lead opened (true) or closed the agent's menu; nothing is sent while the link is down. */
  menu(agentId: string, open: boolean): void
  /** "I'm on it". Rejects when the relay does not answer (link down). */
  claim(agentId: string): Promise<PresenceAnswer>
  release(agentId: string): Promise<PresenceAnswer>
  snooze(request: SnoozeRequest): Promise<PresenceAnswer>
  unsnooze(agentId: string): Promise<PresenceAnswer>
}

/** Until the app provides the live link, requests go nowhere. */
const OFFLINE: PresenceRequests = {
  menu: () => undefined,
  claim: () => Promise.reject(new Error('not connected')),
  release: () => Promise.reject(new Error('not connected')),
  snooze: () => Promise.reject(new Error('not connected')),
  unsnooze: () => Promise.reject(new Error('not connected')),
}

let provided: PresenceRequests = OFFLINE

/** The app hands in the live link once (`src/app/floor-link.ts`). */
export function providePresenceRequests(requests: PresenceRequests): void {
  provided = requests
}

/** The way to the relay for features that may not know the app (the actions menu). */
export function presenceRequests(): PresenceRequests {
  return provided
}
