import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ROSTER_MAX_BYTES, type RosterDuplicate } from '@/shared/outbound'
import { useLanguage } from '@/hooks/use-language'
import { rosterRefusalOf, useUploadRoster } from '../api/upload-roster'
import { useRosterFile } from '../hooks/use-roster-file'
import { refusalOf } from '../utils/refusal'
import { RosterBadLines } from './roster-bad-lines'
import { RosterDropZone } from './roster-drop-zone'
import { RosterPreview } from './roster-preview'
import { RosterUploadsTable } from './roster-uploads-table'
import { FieldGrid } from './field-grid'

/**
 * Call lists (§5.2): a file is read and checked here line by line before anything is sent; a
 * file with bad lines cannot be uploaded. Past uploads link to their robot calls.
 */
export function RosterSection() {
  const { t } = useTranslation('outbound')
  const language = useLanguage()
  const { state, choose } = useRosterFile()
  const upload = useUploadRoster()
  const [templateId, setTemplateId] = useState('')
  const [alias, setAlias] = useState('')
  const [dropDuplicates, setDropDuplicates] = useState(false)

  const onFile = (file: File) => {
    upload.reset()
    setDropDuplicates(false)
    choose(file)
  }
  const checked = state.kind === 'checked' ? state : null
  const hasBad = (checked?.check.bad.length ?? 0) > 0
  const canUpload = checked !== null && !hasBad && checked.check.entries.length > 0
  const relayRefusal = rosterRefusalOf(upload.error)
  const otherRefusal = upload.error && !relayRefusal ? refusalOf(upload.error, t, language) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!checked || !canUpload || upload.isPending) return
    upload.mutate({ file: checked.file, templateId, alias, dropDuplicates })
  }

  return (
    <Box component="section" aria-labelledby="roster-title">
      <Typography id="roster-title" variant="h2" component="h2" sx={{ mb: 0.5 }}>
        {t('roster.title')}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: '72ch' }}>
        {t('roster.intro')}
      </Typography>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={2}>
          <RosterDropZone onFile={onFile} />
          <Box aria-live="polite">
            {state.kind === 'refused' && (
              <Alert severity="error">
                {t(`roster.fileProblems.${state.problem}`, {
                  name: state.name,
                  max: ROSTER_MAX_BYTES / 1024 / 1024,
                })}
              </Alert>
            )}
            {state.kind === 'reading' && (
              <Typography variant="body2" role="status">
                {t('roster.reading', { name: state.name })}
              </Typography>
            )}
            {state.kind === 'unreadable' && (
              <Alert severity="error">{t('roster.unreadable', { name: state.name })}</Alert>
            )}
            {checked && (
              <Typography variant="body1" sx={{ fontWeight: 500 }}>
                {t('roster.summary', {
                  name: checked.file.name,
                  count: checked.check.entries.length,
                  bad: checked.check.bad.length,
                })}
              </Typography>
            )}
          </Box>
          {checked && hasBad && (
            <RosterBadLines
              bad={checked.check.bad}
              count={checked.check.bad.length}
              fileName={checked.file.name}
              title={t('roster.badTitle')}
            />
          )}
          {checked && checked.check.entries.length + checked.check.bad.length > 0 && (
            <RosterPreview check={checked.check} />
          )}
          {checked && checked.check.entries.length === 0 && !hasBad && (
            <Alert severity="warning">{t('roster.noEntries')}</Alert>
          )}
          {checked && checked.check.duplicates.length > 0 && (
            <Duplicates
              duplicates={checked.check.duplicates}
              drop={dropDuplicates}
              onDrop={setDropDuplicates}
            />
          )}
          {checked && (
            <FieldGrid>
              <TextField
                label={t('roster.templateId')}
                value={templateId}
                onChange={(e) => setTemplateId(e.target.value)}
                size="small"
                helperText={t('roster.templateIdHelp')}
                slotProps={{ htmlInput: { maxLength: 64 } }}
              />
              <TextField
                label={t('roster.alias')}
                value={alias}
                onChange={(e) => setAlias(e.target.value)}
                size="small"
                helperText={t('roster.aliasHelp')}
                slotProps={{ htmlInput: { maxLength: 100 } }}
              />
            </FieldGrid>
          )}
          {checked && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button
                type="submit"
                variant="contained"
                disabled={!canUpload}
                loading={upload.isPending}
              >
                {t('roster.upload')}
              </Button>
              {hasBad && (
                <Typography variant="body2" sx={{ color: 'error.main' }}>
                  {t('roster.fixFirst')}
                </Typography>
              )}
            </Stack>
          )}
          <Box aria-live="polite">
            {upload.data && (
              <Alert severity="success">
                {t('roster.uploaded', {
                  batchId: upload.data.batchId,
                  batchName: upload.data.batchName,
                  entries: upload.data.entries,
                })}
                {upload.data.duplicatesDropped > 0 &&
                  ` ${t('roster.droppedCount', { count: upload.data.duplicatesDropped })}`}
              </Alert>
            )}
            {relayRefusal && (
              <RosterBadLines
                bad={relayRefusal.bad}
                count={relayRefusal.badCount}
                fileName={checked?.file.name ?? 'roster.txt'}
                title={t('roster.relayRefused')}
              />
            )}
            {otherRefusal && (
              <Alert severity="error" role="alert">
                {otherRefusal.text}
              </Alert>
            )}
          </Box>
        </Stack>
      </Box>
      <Typography variant="h3" component="h3" sx={{ mt: 4, mb: 1 }}>
        {t('roster.pastTitle')}
      </Typography>
      <RosterUploadsTable />
    </Box>
  )
}

function Duplicates({
  duplicates,
  drop,
  onDrop,
}: {
  duplicates: readonly RosterDuplicate[]
  drop: boolean
  onDrop: (drop: boolean) => void
}) {
  const { t } = useTranslation('outbound')
  const later = duplicates.reduce((n, d) => n + d.lines.length - 1, 0)
  return (
    <Alert severity="warning">
      {t('roster.duplicates', { count: duplicates.length, later })}
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5, maxHeight: 160, overflow: 'auto' }}>
        {duplicates.slice(0, 100).map((d) => (
          <li key={d.number}>
            {t('roster.duplicateItem', {
              number: d.number,
              lines: d.lines.join(t('roster.listSep')),
            })}
          </li>
        ))}
      </Box>
      <FormControlLabel
        control={
          <Checkbox size="small" checked={drop} onChange={(e) => onDrop(e.target.checked)} />
        }
        label={t('roster.dropDuplicates')}
      />
    </Alert>
  )
}
