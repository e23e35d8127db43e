import type { ReactNode } from 'react'
import { ThresholdsContext } from '@/features/floor/components/thresholds-context'
import { useSettings } from '@/features/settings/api/get-settings'

/** Hands the tenant's thresholds (settings feature) to the floor's tiles (floor feature). */
export function FloorThresholds({ children }: { children: ReactNode }) {
  const settings = useSettings().data ?? null
  return <ThresholdsContext value={settings}>{children}</ThresholdsContext>
}
