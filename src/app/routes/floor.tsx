import { FloorScreen } from '@/features/floor/components/floor-screen'

export function FloorRoute() {
  return <FloorScreen />
}
