import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDialogSession } from '../hooks/use-dialog-session'
import { type ActionOp, CALL_OPS, REASONED_OPS } from '@/shared/actions'
import type { AgentView } from '@/shared/floor'
import { localPart } from '@/lib/format'
import { useOthersOnCall } from '../hooks/use-others-on-call'
import type { SupervisorPhone } from '../utils/op-availability'
import { BargeWarning } from './barge-warning'
import { OpIcon } from './op-icon'
import { REASON_MAX, ReasonField } from './reason-field'

/** An operation waiting for the supervisor's word, on the agent as it was when asked. */
export interface PendingConfirm {
  agent: AgentView
  op: ActionOp
}

interface ConfirmActionDialogProps {
  open: boolean
  /** Kept while the dialog fades out. */
  confirming: PendingConfirm | null
  phone: SupervisorPhone
  /** `acknowledgeOthers`: the lead was shown other leads on the call and barges in anyway. */
  onConfirm: (reason: string | null, acknowledgeOthers: boolean) => void
  onClose: () => void
  /** The dialog has closed (cancelled or confirmed): the caller puts focus back. */
  onClosed?: () => void
}

const DANGER: readonly ActionOp[] = ['drop', 'logout']

/**
 * "Hang up 李娜's call?": names the agent and, for call operations, the call; asks why an agent
 * is set not ready or logged out (optional). Enter confirms, Escape cancels.
 */
export function ConfirmActionDialog(props: ConfirmActionDialogProps) {
  const session = useDialogSession(props.open)
  return <ConfirmForm key={session} {...props} />
}

function ConfirmForm({
  open,
  confirming,
  phone,
  onConfirm,
  onClose,
  onClosed,
}: ConfirmActionDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const bodyId = useId()
  const [reason, setReason] = useState('')
  const others = useOthersOnCall(confirming?.op === 'join' ? confirming.agent.id : null)
  if (!confirming) return null
  const { agent, op } = confirming
  const name = agent.name ?? localPart(agent.id)
  const asksReason = REASONED_OPS.includes(op)
  const isCallOp = CALL_OPS.includes(op)
  const vars = {
    name,
    id: agent.id,
    call: agent.callId ?? '',
    number: phone.phoneNumber ?? '',
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim().length > REASON_MAX) return
    onConfirm(asksReason && reason.trim() ? reason.trim() : null, others.length > 0)
  }

  const facts: [string, ReactNode][] = [
    [t('actions.confirm.agent'), t('actions.confirm.agentValue', { name, id: agent.id })],
    [t('actions.confirm.state'), t(`states.${agent.acState}`)],
    ...(agent.channelAddr
      ? [[t('actions.confirm.extension'), agent.channelAddr] as [string, ReactNode]]
      : []),
    ...(isCallOp && agent.callId
      ? [[t('actions.confirm.call'), agent.callId] as [string, ReactNode]]
      : []),
  ]

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      maxWidth="xs"
      fullWidth
      // The caller knows which agent was acted on; focus goes back to it, not to a stale node.
      disableRestoreFocus={onClosed !== undefined}
      slotProps={{ transition: { onExited: onClosed } }}
    >
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle
          id={titleId}
          variant="h1"
          component="h2"
          sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
        >
          <OpIcon op={op} color={DANGER.includes(op) ? 'error' : 'primary'} />
          {t(`actions.confirm.${op}.title`, vars)}
        </DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText id={bodyId}>{t(`actions.confirm.${op}.body`, vars)}</DialogContentText>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'auto 1fr',
              columnGap: 2,
              rowGap: 0.5,
              fontSize: '0.875rem',
              '& dt': { color: 'text.secondary' },
              '& dd': { m: 0, minWidth: 0, overflowWrap: 'anywhere' },
            }}
          >
            {facts.map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </Box>
            ))}
          </Box>
          <BargeWarning others={others} />
          {asksReason && <ReasonField value={reason} onChange={setReason} autoFocus />}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} autoFocus={!asksReason}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={DANGER.includes(op) ? 'error' : 'primary'}
            startIcon={<OpIcon op={op} />}
          >
            {others.length > 0 ? t('presence.bargeAnyway') : t(`actions.ops.${op}`)}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
