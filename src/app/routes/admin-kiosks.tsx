import { KiosksPage } from '@/features/admin/components/kiosks-page'

export function AdminKiosksRoute() {
  return <KiosksPage />
}
