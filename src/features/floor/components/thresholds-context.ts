import { createContext } from 'react'
import type { FloorSettings } from '@/shared/settings'

/**
 * The tenant's thresholds, as the app hands them to the floor (from `GET /api/settings`, kept
 * fresh by `settings:changed`); null until they have loaded, when nothing counts as breaching.
 */
export const ThresholdsContext = createContext<FloorSettings | null>(null)
