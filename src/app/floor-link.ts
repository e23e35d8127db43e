import { floorStoreSink } from '@/features/floor/stores/floor-store'
import { FloorSocket } from '@/lib/floor-socket'
import { providePresenceRequests } from '@/lib/presence-requests'
import { presenceStoreSink } from '@/lib/presence-store'

/**
 * The page's one socket to the relay, feeding the floor store. Created here, where the app
 * composes `src/lib` and the floor feature; connected only while someone is signed in
 * (`SignedInRoute`), and stopped when the session ends (`session.ts`).
 */
export const floorLink = new FloorSocket({ sink: floorStoreSink, presence: presenceStoreSink })
providePresenceRequests(floorLink)
