import DeleteOutlineRounded from '@mui/icons-material/DeleteOutlineRounded'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TextField from '@mui/material/TextField'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'
import { useSkillName } from '@/hooks/use-skill-names'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'
import { humanDuration } from '../utils/duration'
import { type FieldPath, type QueueDraft, fieldKey } from '../utils/settings-draft'

const FIELDS = ['slThresholdSec', 'slTargetPct', 'shortAbandonSec'] as const
type QueueField = (typeof FIELDS)[number]

const LABEL_KEYS = {
  slThresholdSec: 'thresholds.slThreshold',
  slTargetPct: 'thresholds.slTarget',
  shortAbandonSec: 'thresholds.shortAbandon',
} as const

interface QueueRowsProps {
  defaultQueue: QueueDraft
  queues: { skill: string; rule: QueueDraft }[]
  onChange: (skill: string | null, field: QueueField, value: string) => void
  onRemove: (skill: string) => void
  errors: Record<string, string>
}

/** The service-level rules: the default for every queue, then each queue's own. */
export function QueueRulesTable({
  defaultQueue,
  queues,
  onChange,
  onRemove,
  errors,
}: QueueRowsProps) {
  const { t } = useTranslation('admin')
  const skillName = useSkillName()
  const row = (skill: string | null, rule: QueueDraft) => {
    const path: FieldPath = skill === null ? ['defaultQueue'] : ['queues', skill]
    const name = skill === null ? t('thresholds.defaultQueue') : skillName(skill)
    return (
      <TableRow key={skill ?? '\u0000default'}>
        <TableCell
          component="th"
          scope="row"
          sx={{ pt: 2, whiteSpace: 'nowrap' }}
          title={skill ?? undefined}
        >
          {name}
        </TableCell>
        {FIELDS.map((field) => {
          const error = errors[fieldKey([...path, field])]
          const n = Number(rule[field])
          const seconds = field !== 'slTargetPct'
          return (
            <TableCell key={field}>
              <TextField
                size="small"
                value={rule[field]}
                onChange={(e) => onChange(skill, field, e.target.value)}
                error={!!error}
                helperText={
                  error ??
                  (seconds && rule[field].trim() !== '' && Number.isFinite(n) && n >= 60
                    ? humanDuration(t, n)
                    : ' ')
                }
                sx={{ width: 150 }}
                slotProps={{
                  htmlInput: {
                    'aria-label': t('thresholds.queueFieldLabel', {
                      queue: name,
                      field: t(LABEL_KEYS[field]),
                    }),
                    inputMode: 'decimal',
                    autoComplete: 'off',
                  },
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        {seconds ? t('thresholds.unitSec') : '%'}
                      </InputAdornment>
                    ),
                  },
                }}
              />
            </TableCell>
          )
        })}
        <TableCell sx={{ pt: 1.25 }}>
          {skill !== null && (
            <Tooltip title={t('thresholds.removeQueue', { name })}>
              <IconButton
                aria-label={t('thresholds.removeQueue', { name })}
                onClick={() => onRemove(skill)}
              >
                <DeleteOutlineRounded />
              </IconButton>
            </Tooltip>
          )}
        </TableCell>
      </TableRow>
    )
  }
  return (
    <Table
      size="small"
      aria-label={t('thresholds.queuesTitle')}
      sx={{ width: 'auto', '& td, & th': { verticalAlign: 'top' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell>{t('thresholds.queue')}</TableCell>
          {FIELDS.map((f) => (
            <TableCell key={f}>{t(LABEL_KEYS[f])}</TableCell>
          ))}
          <TableCell>
            {/* As a style, not `sx`: there a width of 1 would mean 100%. */}
            <span style={VISUALLY_HIDDEN}>{t('thresholds.actions')}</span>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {row(null, defaultQueue)}
        {queues.map((q) => row(q.skill, q.rule))}
      </TableBody>
    </Table>
  )
}
