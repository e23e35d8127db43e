import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ActionOp, CONFIRMED_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import type { PresenceAnswer } from '@/shared/presence'
import { localPart } from '@/lib/format'
import { useRunAction } from '../api/run-action'
import type { ActionNotice as Notice } from '../utils/notice'
import type { SupervisorPhone } from '../utils/op-availability'
import { returnFocus } from '../utils/focus-return'
import { presenceErrorText } from '../utils/presence-error'
import { type ActionsContextValue, ActionsContext } from './actions-context'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'
import type { PendingConfirm } from './confirm-action-dialog'

/** Loaded the first time an action asks for confirmation. */
const ConfirmActionDialog = loadOnFirstDraw(
  async () => (await import('./confirm-action-dialog')).ConfirmActionDialog,
)
/** Loaded the first time a lead snoozes a breach. */
const SnoozeDialog = loadOnFirstDraw(async () => (await import('./snooze-dialog')).SnoozeDialog)
/** The answers' snackbars: loaded once the page is idle, drawn from the first answer on. */
const ActionNotice = loadOnFirstDraw(async () => (await import('./action-notice')).ActionNotice)
const PresenceNotice = loadOnFirstDraw(
  async () => (await import('./presence-notice')).PresenceNotice,
)

interface ActionsHostProps {
  /** The signed-in supervisor's own phone (their profile). */
  phone: SupervisorPhone
  /** Where the profile page is. */
  profilePath: string
  /** The signed-in supervisor (their own listens offer "stop listening"). */
  username?: string | null
  children: ReactNode
}

/**
 * Runs supervisor actions for everything inside it (tile menus, the drawer): asks first where
 * the operation interrupts someone, sends it, and tells the answer in a notice. The floor is
 * not touched: it changes when the platform reports the agent's new state.
 */
export function ActionsHost({ phone, profilePath, username = null, children }: ActionsHostProps) {
  const { t } = useTranslation()
  const { mutateAsync } = useRunAction()
  const [snoozing, setSnoozing] = useState<AgentView | null>(null)
  const [snoozeOpen, setSnoozeOpen] = useState(false)
  const [presenceProblem, setPresenceProblem] = useState<{ key: number; text: string } | null>(null)
  const [confirming, setConfirming] = useState<PendingConfirm | null>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [noticeOpen, setNoticeOpen] = useState(false)
  const noticeKey = useRef(0)
  // What had focus when the dialog was asked for, to go back to when it closes.
  const opener = useRef<HTMLElement | null>(null)

  const execute = useCallback(
    (agent: AgentView, op: ActionOp, reason: string | null, acknowledgeOthers = false) => {
      const show = (outcome: Notice['outcome']) => {
        noticeKey.current += 1
        const agentName = agent.name ?? localPart(agent.id)
        setNotice({ key: noticeKey.current, op, agentName, phone, outcome })
        setNoticeOpen(true)
      }
      mutateAsync({ agentId: agent.id, op, reason, acknowledgeOthers }).then(
        (result) => show({ kind: 'answered', result }),
        (error: unknown) => show({ kind: 'failed', error }),
      )
    },
    [mutateAsync, phone],
  )

  const request = useCallback(
    (agent: AgentView, op: ActionOp) => {
      if (CONFIRMED_OPS.includes(op)) {
        opener.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : null
        setConfirming({ agent, op })
        setConfirmOpen(true)
      } else {
        execute(agent, op, null)
      }
    },
    [execute],
  )

  const snooze = useCallback((agent: AgentView) => {
    setSnoozing(agent)
    setSnoozeOpen(true)
  }, [])

  const presenceAnswered = useCallback(
    (what: string, answer: PresenceAnswer | null) => {
      const problem = presenceErrorText(t, answer)
      if (!problem) return
      setPresenceProblem((p) => ({
        key: (p?.key ?? 0) + 1,
        text: t('presence.failed', { what, message: problem }),
      }))
    },
    [t],
  )

  // The notices' code comes while the page is idle, so the first answer shows at once.
  useEffect(() => preloadWhenIdle(ActionNotice, PresenceNotice), [])
  const presenceUsed = useOpenedOnce(presenceProblem !== null)
  const confirmUsed = useOpenedOnce(confirmOpen)
  const snoozeUsed = useOpenedOnce(snoozeOpen)

  const value = useMemo<ActionsContextValue>(
    () => ({ phone, profilePath, username, request, snooze, presenceAnswered }),
    [phone, profilePath, username, request, snooze, presenceAnswered],
  )

  return (
    <ActionsContext value={value}>
      {children}
      {confirmUsed && (
        <ConfirmActionDialog
          open={confirmOpen}
          confirming={confirming}
          phone={phone}
          onClose={() => setConfirmOpen(false)}
          onConfirm={(reason, acknowledgeOthers) => {
            setConfirmOpen(false)
            if (confirming) execute(confirming.agent, confirming.op, reason, acknowledgeOthers)
          }}
          onClosed={() => {
            if (confirming) returnFocus(confirming.agent.id, opener.current)
            opener.current = null
          }}
        />
      )}
      {snoozeUsed && (
        <SnoozeDialog open={snoozeOpen} agent={snoozing} onClose={() => setSnoozeOpen(false)} />
      )}
      {presenceUsed && (
        <PresenceNotice
          text={presenceProblem?.text ?? null}
          noticeKey={presenceProblem?.key ?? 0}
          onClose={() => setPresenceProblem(null)}
        />
      )}
      {notice && (
        <ActionNotice
          notice={notice}
          open={noticeOpen}
          profilePath={profilePath}
          onClose={() => setNoticeOpen(false)}
        />
      )}
    </ActionsContext>
  )
}
