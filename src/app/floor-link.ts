import { floorStoreSink } from '@/features/floor/stores/floor-store'
import { FloorSocket } from '@/lib/floor-socket'

/**
 * The page's one socket to the relay, feeding the floor store. Created here, where the app
 * composes `src/lib` and the floor feature; connected by `AppProvider` (and, once sign-in
 * exists, only after it).
 */
export const floorLink = new FloorSocket({ sink: floorStoreSink })
