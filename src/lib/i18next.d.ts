import 'i18next'
import type { AdminMessages } from '@/locales/zh/admin'
import type { CallsMessages } from '@/locales/zh/calls'
import type { CommonMessages } from '@/locales/zh/common'
import type { FloorMessages } from '@/locales/zh/floor'
import type { LoginMessages } from '@/locales/zh/login'
import type { OutboundMessages } from '@/locales/zh/outbound'
import type { ProfileMessages } from '@/locales/zh/profile'
import type { WallMessages } from '@/locales/zh/wall'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    // Every page may use the shell's and the floor's messages (both in the first bundle).
    fallbackNS: ['common', 'floor']
    resources: {
      common: CommonMessages
      floor: FloorMessages
      wall: WallMessages
      calls: CallsMessages
      admin: AdminMessages
      login: LoginMessages
      profile: ProfileMessages
      outbound: OutboundMessages
    }
  }
}
