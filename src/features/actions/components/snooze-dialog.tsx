import SnoozeRounded from '@mui/icons-material/SnoozeRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDialogSession } from '../hooks/use-dialog-session'
import { localPart } from '@/lib/format'
import { presenceRequests } from '@/lib/presence-requests'
import type { AgentView } from '@/shared/floor'
import { SNOOZE_MINUTES, SNOOZE_REASON_MAX } from '@/shared/presence'
import { presenceErrorText } from '../utils/presence-error'

type Minutes = (typeof SNOOZE_MINUTES)[number]

interface SnoozeDialogProps {
  open: boolean
  /** Kept while the dialog fades out. */
  agent: AgentView | null
  onClose: () => void
}

/** "Snooze 李娜's over-time alert": for how long, and why (required, short, seen by all leads). */
export function SnoozeDialog(props: SnoozeDialogProps) {
  const session = useDialogSession(props.open)
  return <SnoozeForm key={session} {...props} />
}

function SnoozeForm({ open, agent, onClose }: SnoozeDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const minutesId = useId()
  const [minutes, setMinutes] = useState<Minutes>(15)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  if (!agent) return null
  const name = agent.name ?? localPart(agent.id)
  const length = reason.trim().length
  const problem =
    length === 0
      ? t('presence.snoozeDialog.reasonRequired')
      : length > SNOOZE_REASON_MAX
        ? t('presence.snoozeDialog.reasonTooLong', { max: SNOOZE_REASON_MAX, count: length })
        : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (problem || busy) return
    setBusy(true)
    setFailure(null)
    void presenceRequests()
      .snooze({ agentId: agent.id, minutes, reason: reason.trim() })
      .then(
        (answer) => answer,
        () => null,
      )
      .then((answer) => {
        setBusy(false)
        const text = presenceErrorText(t, answer)
        if (text) setFailure(text)
        else onClose()
      })
  }

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle
          id={titleId}
          variant="h1"
          component="h2"
          sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
        >
          <SnoozeRounded color="primary" />
          {t('presence.snoozeDialog.title', { name })}
        </DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText>{t('presence.snoozeDialog.body')}</DialogContentText>
          <Box>
            <Typography id={minutesId} variant="body2" sx={{ color: 'text.secondary', mb: 0.5 }}>
              {t('presence.snoozeDialog.minutes')}
            </Typography>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={minutes}
              aria-labelledby={minutesId}
              onChange={(_, value: Minutes | null) => value !== null && setMinutes(value)}
            >
              {SNOOZE_MINUTES.map((m) => (
                <ToggleButton key={m} value={m} sx={{ px: 1.5, whiteSpace: 'nowrap' }}>
                  {t('presence.snoozeDialog.minutesValue', { count: m })}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <TextField
            label={t('presence.snoozeDialog.reason')}
            name="snooze-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            autoFocus
            autoComplete="off"
            required
            fullWidth
            error={touched && problem !== null}
            helperText={
              touched && problem
                ? problem
                : t('presence.snoozeDialog.reasonHelp', { max: SNOOZE_REASON_MAX })
            }
            slotProps={{ htmlInput: { maxLength: SNOOZE_REASON_MAX * 2 } }}
          />
          {failure && <Alert severity="error">{failure}</Alert>}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy} startIcon={<SnoozeRounded />}>
            {t('presence.snoozeDialog.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
