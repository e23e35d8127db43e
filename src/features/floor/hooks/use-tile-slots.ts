import { use } from 'react'
import { type TileSlots, TileSlotsContext } from '../components/floor-slots'

/** The tile's slots as the floor screen provides them; none on the wall screen. */
export function useTileSlots(): TileSlots {
  return use(TileSlotsContext)
}
