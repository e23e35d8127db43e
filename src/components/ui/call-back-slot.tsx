import { type ComponentType, createContext, useContext } from 'react'

/** Where a "call back" control is drawn, and what it calls back. */
export interface CallBackButtonProps {
  /** The customer's number, as the call record or the abandoned call has it. */
  customerPhone: string
  /** The call this call back answers (an abandoned call, a call record), for the audit log. */
  forCallId?: string | null
  /** An icon button in lists and rows, a text button on pages. */
  variant?: 'icon' | 'button'
}

/**
 * The call-back control, provided by the app (the outbound feature draws it and its dialog):
 * call records, the call page, the latest calls and the abandoned callers draw
 * `<CallBackButton>` without knowing the feature behind it. Without a provider, or for a user
 * who may not call out, nothing is drawn.
 */
export const CallBackContext = createContext<{
  Button?: ComponentType<CallBackButtonProps> | undefined
}>({})

export function CallBackButton(props: CallBackButtonProps) {
  const { Button } = useContext(CallBackContext)
  return Button ? <Button {...props} /> : null
}
