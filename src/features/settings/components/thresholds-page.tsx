import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import InputAdornment from '@mui/material/InputAdornment'
import Paper from '@mui/material/Paper'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MessageState } from '@/components/ui/message-state'
import { isApiError } from '@/lib/api-client'
import {
  type FloorSettings,
  REPEAT_CALLS_MAX,
  REPEAT_CALLS_MIN,
  THRESHOLD_FAMILIES,
  type ThresholdFamily,
} from '@/shared/settings'
import { SILENCE_MAX_SEC, SILENCE_MIN_SEC } from '@/shared/recording-analysis'
import { useSettings } from '../api/get-settings'
import { useUpdateSettings } from '../api/update-settings'
import { NO_ERRORS, type SettingsErrors, checkDraft, saveErrors } from '../utils/settings-errors'
import {
  type DurationDraft,
  type QueueDraft,
  type SettingsDraft,
  defaultFamilyDrafts,
  draftOf,
  durationSeconds,
  emptyFamilyDrafts,
  fieldKey,
  queueDraft,
} from '../utils/settings-draft'
import { AddSkillField } from './add-skill-field'
import { FamilyRulesTable } from './family-rules-table'
import { QueueRulesTable } from './queue-rules-table'
import { SkillOverrides } from './skill-overrides'

const LONG_SILENCE = fieldKey(['recordings', 'longSilenceSec'])

interface ThresholdsPageProps {
  /** Skill groups seen on the floor (agents' skills, today's queues), offered when adding one. */
  knownSkills: readonly string[]
}

/** `/admin/thresholds`: how long is too long per state, and each queue's service-level target. */
export function ThresholdsPage({ knownSkills }: ThresholdsPageProps) {
  const { t } = useTranslation('admin')
  const settings = useSettings()
  if (settings.isPending)
    return (
      <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
        <CircularProgress aria-label={t('thresholds.loading')} />
      </Box>
    )
  if (settings.isError)
    return (
      <MessageState
        icon={<ErrorOutlineRounded />}
        title={t('thresholds.loadFailed')}
        body={isApiError(settings.error) ? settings.error.message : String(settings.error)}
        action={
          <Button variant="outlined" onClick={() => void settings.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  return <ThresholdsForm initial={settings.data} knownSkills={knownSkills} />
}

function Section({
  title,
  intro,
  children,
}: {
  title: string
  intro: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: 2, mb: 2.5 }}>
      <Typography id={id} variant="h2" component="h2" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5, maxWidth: 820 }}>
        {intro}
      </Typography>
      {children}
    </Paper>
  )
}

function ThresholdsForm({
  initial,
  knownSkills,
}: {
  initial: FloorSettings
  knownSkills: readonly string[]
}) {
  const { t } = useTranslation('admin')
  const update = useUpdateSettings()
  // What is saved, to tell unsaved changes; the form keeps its own draft if another admin saves.
  const [baseline, setBaseline] = useState(() => JSON.stringify(draftOf(initial)))
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial))
  const [errors, setErrors] = useState<SettingsErrors>(NO_ERRORS)
  const [saved, setSaved] = useState(false)
  const dirty = JSON.stringify(draft) !== baseline

  const edit = (change: (d: SettingsDraft) => SettingsDraft) => {
    setDraft(change)
    setSaved(false)
  }
  const setFamily = (family: ThresholdFamily, field: 'amberSec' | 'redSec', value: DurationDraft) =>
    edit((d) => ({
      ...d,
      families: { ...d.families, [family]: { ...d.families[family], [field]: value } },
    }))
  const setOverride = (
    skill: string,
    family: ThresholdFamily,
    field: 'amberSec' | 'redSec',
    value: DurationDraft,
  ) =>
    edit((d) => ({
      ...d,
      bySkill: d.bySkill.map((o) =>
        o.skill === skill
          ? { ...o, rules: { ...o.rules, [family]: { ...o.rules[family], [field]: value } } }
          : o,
      ),
    }))
  const setQueue = (skill: string | null, field: keyof QueueDraft, value: string) =>
    edit((d) =>
      skill === null
        ? { ...d, defaultQueue: { ...d.defaultQueue, [field]: value } }
        : {
            ...d,
            queues: d.queues.map((q) =>
              q.skill === skill ? { ...q, rule: { ...q.rule, [field]: value } } : q,
            ),
          },
    )

  // What a blank override falls back to: the tenant's rules as typed above.
  const inherited = useMemo(
    () =>
      Object.fromEntries(
        THRESHOLD_FAMILIES.map((f) => {
          const amber = durationSeconds(draft.families[f].amberSec)
          const red = durationSeconds(draft.families[f].redSec)
          return [
            f,
            {
              ...(Number.isFinite(amber) ? { amberSec: amber } : {}),
              ...(Number.isFinite(red) ? { redSec: red } : {}),
            },
          ]
        }),
      ),
    [draft.families],
  )
  const repeatError = errors.fields[fieldKey(['repeatCallsMin'])]
  const skillOptions = useMemo(() => [...new Set(knownSkills)].sort(), [knownSkills])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    const checked = checkDraft(draft, t)
    if (!checked.settings) {
      setErrors({ ...checked.errors, form: checked.errors.form ?? t('thresholds.fixErrors') })
      return
    }
    setErrors(NO_ERRORS)
    update.mutate(checked.settings, {
      onSuccess: (settings) => {
        const next = draftOf(settings)
        setDraft(next)
        setBaseline(JSON.stringify(next))
        setSaved(true)
      },
      onError: (err) =>
        setErrors(
          saveErrors(err, t, (e) =>
            t('errors.generic', { message: isApiError(e) ? e.message : String(e) }),
          ),
        ),
    })
  }

  return (
    <Box component="form" noValidate onSubmit={submit}>
      {/* Stays in view, with Save, while the sections below scroll. */}
      <Box
        sx={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          py: 1,
          mb: 1,
          flexWrap: 'wrap',
          bgcolor: 'background.default',
        }}
      >
        <Typography variant="h1" component="h1">
          {t('thresholds.title')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {saved ? t('thresholds.saved') : dirty ? t('thresholds.unsaved') : ''}
        </Typography>
        <Button
          onClick={() => edit((d) => ({ ...d, families: defaultFamilyDrafts() }))}
          disabled={update.isPending}
        >
          {t('thresholds.restoreDefaults')}
        </Button>
        <Button type="submit" variant="contained" loading={update.isPending} disabled={!dirty}>
          {t('common.save')}
        </Button>
      </Box>
      {errors.form && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {errors.form}
        </Alert>
      )}

      <Section title={t('thresholds.familiesTitle')} intro={t('thresholds.familiesIntro')}>
        <FamilyRulesTable
          path={['families']}
          rules={draft.families}
          label={t('thresholds.allAgents')}
          errors={errors.fields}
          onChange={setFamily}
        />
      </Section>

      <Section title={t('thresholds.bySkillTitle')} intro={t('thresholds.bySkillIntro')}>
        <SkillOverrides
          overrides={draft.bySkill}
          inherited={inherited}
          errors={errors.fields}
          onChange={setOverride}
          onRemove={(skill) =>
            edit((d) => ({ ...d, bySkill: d.bySkill.filter((o) => o.skill !== skill) }))
          }
        />
        <Box sx={{ mt: 2 }}>
          <AddSkillField
            label={t('thresholds.addSkill')}
            options={skillOptions}
            taken={draft.bySkill.map((o) => o.skill)}
            onAdd={(skill) =>
              edit((d) => ({
                ...d,
                bySkill: [...d.bySkill, { skill, rules: emptyFamilyDrafts() }],
              }))
            }
          />
        </Box>
      </Section>

      <Section title={t('thresholds.queuesTitle')} intro={t('thresholds.queuesIntro')}>
        <QueueRulesTable
          defaultQueue={draft.defaultQueue}
          queues={draft.queues}
          errors={errors.fields}
          onChange={setQueue}
          onRemove={(skill) =>
            edit((d) => ({ ...d, queues: d.queues.filter((q) => q.skill !== skill) }))
          }
        />
        <Box sx={{ mt: 2 }}>
          <AddSkillField
            label={t('thresholds.addQueue')}
            options={skillOptions}
            taken={draft.queues.map((q) => q.skill)}
            onAdd={(skill) =>
              edit((d) => ({
                ...d,
                queues: [...d.queues, { skill, rule: queueDraft(initial.defaultQueue) }],
              }))
            }
          />
        </Box>
      </Section>

      <Section title={t('thresholds.repeatTitle')} intro={t('thresholds.repeatIntro')}>
        <TextField
          label={t('thresholds.repeatCallsMin')}
          type="number"
          size="small"
          value={draft.repeatCallsMin}
          onChange={(e) => edit((d) => ({ ...d, repeatCallsMin: e.target.value }))}
          error={repeatError !== undefined}
          helperText={
            repeatError ??
            t('thresholds.repeatHelp', { min: REPEAT_CALLS_MIN, max: REPEAT_CALLS_MAX })
          }
          slotProps={{ htmlInput: { min: REPEAT_CALLS_MIN, max: REPEAT_CALLS_MAX, step: 1 } }}
        />
      </Section>

      <Section title={t('thresholds.recordingsTitle')} intro={t('thresholds.recordingsIntro')}>
        <TextField
          size="small"
          type="number"
          label={t('thresholds.longSilence')}
          value={draft.recordings.longSilenceSec}
          onChange={(e) => edit((d) => ({ ...d, recordings: { longSilenceSec: e.target.value } }))}
          error={Boolean(errors.fields[LONG_SILENCE])}
          helperText={errors.fields[LONG_SILENCE] ?? t('thresholds.longSilenceHelp')}
          slotProps={{
            htmlInput: { min: SILENCE_MIN_SEC, max: SILENCE_MAX_SEC, step: 1 },
            input: {
              endAdornment: (
                <InputAdornment position="end">{t('thresholds.unitSec')}</InputAdornment>
              ),
            },
          }}
          sx={{ width: 200 }}
        />
      </Section>
    </Box>
  )
}
