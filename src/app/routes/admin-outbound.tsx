import { OutboundSettingsPage } from '@/features/outbound/components/outbound-settings-page'

export function AdminOutboundRoute() {
  return <OutboundSettingsPage />
}
