import AddRounded from '@mui/icons-material/AddRounded'
import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded'
import Alert from '@mui/material/Alert'
import Autocomplete from '@mui/material/Autocomplete'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useRecentActivities } from '../api/get-recent-activities'
import { useLaunchInstantCall } from '../api/launch-instant-call'
import {
  EMPTY_INSTANT_FORM,
  type InstantForm,
  type InstantFormErrors,
  instantBody,
} from '../utils/instant-form'
import { refusalOf } from '../utils/refusal'
import { FieldGrid } from './field-grid'

type TextField_ = 'rosterId' | 'callee' | 'caller' | 'tenantId'

/**
 * An instant outbound call (§5.1): the platform dials `callee` for a campaign's list entry and
 * hands the answered call to `caller`. Checked here by the relay's own schema first.
 */
export function InstantCallForm() {
  const { t } = useTranslation('outbound')
  const language = useLanguage()
  const recent = useRecentActivities()
  const launch = useLaunchInstantCall()
  const [form, setForm] = useState<InstantForm>(EMPTY_INSTANT_FORM)
  const [errors, setErrors] = useState<InstantFormErrors>({})
  const set = (patch: Partial<InstantForm>) => setForm((f) => ({ ...f, ...patch }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (launch.isPending) return
    const checked = instantBody(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      launch.reset()
      return
    }
    setErrors({})
    launch.mutate(checked.body)
  }

  const fieldError = (field: keyof InstantForm) =>
    errors[field] ? t(`instant.problems.${errors[field]}`) : null
  const refusal = launch.error ? refusalOf(launch.error, t, language) : null

  const text = (field: TextField_, inputMode?: 'tel' | 'text') => (
    <TextField
      label={t(`instant.${field}`)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      required={field !== 'tenantId'}
      size="small"
      error={fieldError(field) !== null || refusal?.field === field}
      helperText={fieldError(field) ?? t(`instant.${field}Help`)}
      slotProps={{ htmlInput: { maxLength: 64, ...(inputMode ? { inputMode } : {}) } }}
    />
  )

  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="instant-title">
      <Typography id="instant-title" variant="h2" component="h2" sx={{ mb: 0.5 }}>
        {t('instant.title')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: '72ch' }}>
        {t('instant.intro')}
      </Typography>
      <FieldGrid>
        <Autocomplete
          freeSolo
          options={recent.data ?? []}
          inputValue={form.activityId}
          onInputChange={(_e, value) => set({ activityId: value })}
          size="small"
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('instant.activityId')}
              required
              error={fieldError('activityId') !== null || refusal?.field === 'activityId'}
              helperText={
                fieldError('activityId') ??
                (recent.isError ? t('instant.recentFailed') : t('instant.activityIdHelp'))
              }
            />
          )}
        />
        {text('rosterId')}
        {text('callee', 'tel')}
        {text('caller', 'tel')}
        {text('tenantId')}
      </FieldGrid>
      <DataRows rows={form.data} onChange={(data) => set({ data })} error={fieldError('data')} />
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <Button type="submit" variant="contained" loading={launch.isPending}>
          {t('instant.submit')}
        </Button>
      </Stack>
      <Box aria-live="polite" sx={{ mt: 2, maxWidth: 720 }}>
        {launch.data && (
          // The seed does not say which `result` means success: shown as the platform gave it.
          <Alert severity="info">
            {t('instant.answer', {
              result: launch.data.result,
              reason: launch.data.reason ?? t('instant.noReason'),
            })}
          </Alert>
        )}
        {refusal && (
          <Alert severity="error" role="alert">
            {refusal.text}
          </Alert>
        )}
      </Box>
    </Box>
  )
}

function DataRows({
  rows,
  onChange,
  error,
}: {
  rows: InstantForm['data']
  onChange: (rows: InstantForm['data']) => void
  error: string | null
}) {
  const { t } = useTranslation('outbound')
  const update = (i: number, patch: Partial<InstantForm['data'][number]>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2, maxWidth: 720 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {t('instant.data')}
      </Typography>
      {rows.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {t('instant.dataNone')}
        </Typography>
      )}
      <Stack spacing={1}>
        {rows.map((row, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              label={t('instant.dataKey', { n: i + 1 })}
              value={row.key}
              onChange={(e) => update(i, { key: e.target.value })}
              size="small"
              error={error !== null && row.key.trim() === ''}
              slotProps={{ htmlInput: { maxLength: 64 } }}
            />
            <TextField
              label={t('instant.dataValue', { n: i + 1 })}
              value={row.value}
              onChange={(e) => update(i, { value: e.target.value })}
              size="small"
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            <IconButton
              aria-label={t('instant.dataRemove', { n: i + 1 })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              <DeleteOutlineRounded fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      {error && (
        <Typography variant="body2" role="alert" sx={{ color: 'error.main', mt: 0.5 }}>
          {error}
        </Typography>
      )}
      <Button
        startIcon={<AddRounded />}
        size="small"
        sx={{ mt: 1 }}
        disabled={rows.length >= 20}
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        {t('instant.dataAdd')}
      </Button>
    </Box>
  )
}
