import { type ReactNode, useMemo } from 'react'
import { CallBackContext, type CallBackButtonProps } from '@/components/ui/call-back-slot'
import { loadOnFirstDraw } from '@/components/ui/on-demand'
import { useCurrentUser } from '@/features/auth/hooks/use-current-user'
import { loadNamespaces } from '@/lib/i18n'
import { can } from '@/shared/auth'
import { PROFILE_PATH } from './paths'

/** The outbound feature's button and dialog, with their messages, fetched when first drawn. */
const LoadedCallBackButton = loadOnFirstDraw(async () => {
  const [module] = await Promise.all([
    import('@/features/outbound/components/call-back-button'),
    loadNamespaces(['outbound']),
  ])
  return module.CallBackButtonImpl
})

/** The call-back control as the signed-in user draws it: ringing their own extension first. */
function CallBackButtonForMe(props: CallBackButtonProps) {
  const me = useCurrentUser()
  return <LoadedCallBackButton {...props} myDeviceId={me.deviceId} profilePath={PROFILE_PATH} />
}

/**
 * Gives call records, the call page and the floor their "call back" control, for users who may
 * call out; for the others (viewers) nothing is drawn.
 */
export function CallBackProvider({ children }: { children: ReactNode }) {
  const me = useCurrentUser()
  const allowed = can(me.role, 'callOut')
  const value = useMemo(() => ({ Button: allowed ? CallBackButtonForMe : undefined }), [allowed])
  return <CallBackContext value={value}>{children}</CallBackContext>
}
