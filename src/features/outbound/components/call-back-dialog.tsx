import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Link from '@mui/material/Link'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link as RouterLink } from 'react-router'
import { type DoubleCallBody, PHONE_PATTERN, PREFIX_PATTERN } from '@/shared/outbound'
import { localPart } from '@/lib/format'
import { holdOrder } from '@/lib/order-hold'
import { useLanguage } from '@/hooks/use-language'
import { useOutboundSettings } from '../api/get-outbound-settings'
import type { RingableAgent } from '../api/get-ringable-agents'
import { useStartCallBack } from '../api/start-call-back'
import { formatPhone } from '../utils/format-phone'
import { refusalOf } from '../utils/refusal'
import { AgentPicker } from './agent-picker'

interface CallBackDialogProps {
  customerPhone: string
  forCallId: string | null
  myDeviceId: string | null
  profilePath: string
  onClose: () => void
  /** The call back was accepted: what to tell the user. */
  onStarted: (text: string) => void
}

type RingFirst = 'mine' | 'agent'

/**
 * The call back (双呼): the platform rings an extension first (the user's own, or an agent's
 * on the floor), then, once it answers, the customer.
 */
export function CallBackDialog({
  customerPhone,
  forCallId,
  myDeviceId,
  profilePath,
  onClose,
  onStarted,
}: CallBackDialogProps) {
  const { t } = useTranslation('outbound')
  const language = useLanguage()
  const titleId = useId()
  const settings = useOutboundSettings()
  const start = useStartCallBack()
  const [ringFirst, setRingFirst] = useState<RingFirst>(myDeviceId ? 'mine' : 'agent')
  const [agent, setAgent] = useState<RingableAgent | null>(null)
  // Null until typed: the setting's prefix is shown, and sent, until the user changes it.
  const [typedPrefix, setTypedPrefix] = useState<string | null>(null)
  const [displayOrigin, setDisplayOrigin] = useState('')
  const [tried, setTried] = useState(false)
  // The floor (and its abandoned callers) keep their places while the lead decides.
  useEffect(() => holdOrder(), [])

  const prefix = typedPrefix ?? settings.data?.prefix ?? ''
  const prefixBad = !PREFIX_PATTERN.test(prefix.trim())
  const originBad = displayOrigin.trim() !== '' && !PHONE_PATTERN.test(displayOrigin.trim())
  const agentMissing = ringFirst === 'agent' && agent === null
  const refusal = start.error ? refusalOf(start.error, t, language) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (prefixBad || originBad || agentMissing || start.isPending) return
    const body: DoubleCallBody = {
      customerPhone,
      ...(ringFirst === 'agent' && agent ? { deviceId: agent.extension } : {}),
      // Untouched and unknown (the settings did not load): the relay's own default.
      ...(typedPrefix !== null || settings.data ? { prefix: prefix.trim() } : {}),
      ...(displayOrigin.trim() ? { options: { displayOrigin: displayOrigin.trim() } } : {}),
      ...(forCallId ? { forCallId } : {}),
    }
    start.mutate(body, {
      onSuccess: (answer) =>
        onStarted(
          t('callBack.started', {
            device: localPart(answer.deviceId),
            number: formatPhone(customerPhone),
            callId: answer.callId,
          }),
        ),
    })
  }

  return (
    <Dialog
      open
      onClose={start.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="xs"
      // Keys typed in the dialog stay in it: a row behind it would open on Enter.
      onKeyDown={(e) => e.stopPropagation()}
    >
      {/* `display: contents` keeps the dialog's own layout (a scrolling middle) around the form. */}
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogTitle id={titleId} variant="h1" component="h2">
          {t('callBack.title')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('callBack.customer')}
              value={formatPhone(customerPhone)}
              slotProps={{ input: { readOnly: true } }}
              size="small"
            />
            <FormControl>
              <FormLabel id={`${titleId}-ring`}>{t('callBack.ringFirst')}</FormLabel>
              <RadioGroup
                aria-labelledby={`${titleId}-ring`}
                value={ringFirst}
                onChange={(e) => setRingFirst(e.target.value as RingFirst)}
              >
                <FormControlLabel
                  value="mine"
                  control={<Radio size="small" />}
                  disabled={!myDeviceId}
                  label={
                    myDeviceId
                      ? t('callBack.mine', { device: localPart(myDeviceId) })
                      : t('callBack.mineNone')
                  }
                />
                {!myDeviceId && (
                  <Typography variant="body2" sx={{ color: 'text.secondary', ml: 4, mt: -0.5 }}>
                    {t('callBack.mineNoneHint')}{' '}
                    <Link component={RouterLink} to={profilePath}>
                      {t('callBack.profileLink')}
                    </Link>
                  </Typography>
                )}
                <FormControlLabel
                  value="agent"
                  control={<Radio size="small" />}
                  label={t('callBack.agent')}
                />
              </RadioGroup>
            </FormControl>
            {ringFirst === 'agent' && (
              <AgentPicker
                value={agent}
                onChange={setAgent}
                error={tried && agentMissing ? t('callBack.agentRequired') : null}
              />
            )}
            <TextField
              label={t('callBack.prefix')}
              value={prefix}
              onChange={(e) => setTypedPrefix(e.target.value)}
              size="small"
              error={prefixBad}
              helperText={
                prefixBad
                  ? t('callBack.prefixInvalid')
                  : settings.isPending
                    ? t('callBack.prefixLoading')
                    : settings.isError
                      ? t('callBack.prefixUnknown')
                      : t('callBack.prefixHelp')
              }
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10 } }}
            />
            <TextField
              label={t('callBack.displayOrigin')}
              value={displayOrigin}
              onChange={(e) => setDisplayOrigin(e.target.value)}
              size="small"
              error={originBad}
              helperText={originBad ? t('callBack.phoneInvalid') : t('callBack.displayOriginHelp')}
              slotProps={{ htmlInput: { inputMode: 'tel', maxLength: 20 } }}
            />
            {refusal && (
              <Alert severity="error" role="alert">
                {refusal.text}
                {refusal.profileLink && (
                  <>
                    {' '}
                    <Link component={RouterLink} to={profilePath}>
                      {t('callBack.profileLink')}
                    </Link>
                  </>
                )}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={start.isPending}>
            {t('callBack.cancel')}
          </Button>
          <Button type="submit" variant="contained" loading={start.isPending}>
            {t('callBack.submit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
