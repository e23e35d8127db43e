import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PREFIX_PATTERN } from '@/shared/outbound'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { useLanguage } from '@/hooks/use-language'
import { useOutboundSettings } from '../api/get-outbound-settings'
import { useUpdateOutboundSettings } from '../api/update-outbound-settings'
import { refusalOf } from '../utils/refusal'

/** `/admin/outbound`: the prefix call backs dial with unless the lead types another. */
export function OutboundSettingsPage() {
  const { t } = useTranslation('outbound')
  const language = useLanguage()
  const settings = useOutboundSettings()
  const update = useUpdateOutboundSettings()
  // Null until typed: the saved prefix is shown.
  const [typed, setTyped] = useState<string | null>(null)
  const prefix = typed ?? settings.data?.prefix ?? ''
  const bad = !PREFIX_PATTERN.test(prefix.trim())
  const refusal = update.error ? refusalOf(update.error, t, language) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (bad || update.isPending) return
    update.mutate({ prefix: prefix.trim() }, { onSuccess: () => setTyped(null) })
  }

  return (
    <Box>
      <Typography variant="h1" component="h1" sx={{ mb: 1 }}>
        {t('outboundSettings.title')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: '72ch' }}>
        {t('outboundSettings.intro')}
      </Typography>
      {settings.isPending ? (
        <Box>
          <Box component="span" role="status" sx={{ ...VISUALLY_HIDDEN }}>
            {t('outboundSettings.loading')}
          </Box>
          <Skeleton variant="rounded" width={320} height={40} animation="wave" aria-hidden />
        </Box>
      ) : settings.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void settings.refetch()}>
              {t('roster.retry')}
            </Button>
          }
        >
          {t('outboundSettings.loadFailed')}
        </Alert>
      ) : (
        <Box component="form" noValidate onSubmit={submit} sx={{ maxWidth: 420 }}>
          <Stack spacing={2}>
            <TextField
              label={t('outboundSettings.prefix')}
              value={prefix}
              onChange={(e) => {
                update.reset()
                setTyped(e.target.value)
              }}
              size="small"
              error={bad}
              helperText={bad ? t('callBack.prefixInvalid') : t('outboundSettings.prefixHelp')}
              slotProps={{ htmlInput: { maxLength: 10, inputMode: 'numeric' } }}
            />
            <Box>
              <Button type="submit" variant="contained" loading={update.isPending} disabled={bad}>
                {t('outboundSettings.save')}
              </Button>
            </Box>
            <Box aria-live="polite">
              {update.isSuccess && <Alert severity="success">{t('outboundSettings.saved')}</Alert>}
              {refusal && (
                <Alert severity="error" role="alert">
                  {refusal.text}
                </Alert>
              )}
            </Box>
          </Stack>
        </Box>
      )}
    </Box>
  )
}
