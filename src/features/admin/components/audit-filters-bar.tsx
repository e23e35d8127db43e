import FilterAltOffRounded from '@mui/icons-material/FilterAltOffRounded'
import Autocomplete from '@mui/material/Autocomplete'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import ListSubheader from '@mui/material/ListSubheader'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACTION_OPS,
  ADMIN_OPS,
  AUDIT_OUTCOMES,
  type AuditOp,
  type AuditOutcome,
  PRESENCE_OPS,
} from '@/shared/actions'
import { useUsers } from '../api/get-users'
import { type AuditFilters, hasAuditFilters } from '../utils/audit-filters'

const TYPING_PAUSE_MS = 400 // the agent filter applies once typing pauses

interface AuditFiltersBarProps {
  filters: AuditFilters
  onChange: (patch: Partial<AuditFilters>) => void
}

/** Date range, user, agent, operation and outcome; each change lands in the URL at once. */
export function AuditFiltersBar({ filters, onChange }: AuditFiltersBarProps) {
  const { t } = useTranslation('admin')
  const users = useUsers()
  const usernames = [...new Set((users.data ?? []).map((u) => u.username))].sort()
  if (filters.user && !usernames.includes(filters.user)) usernames.push(filters.user)
  return (
    <Box
      role="search"
      aria-label={t('audit.filtersLabel')}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 2 }}
    >
      <TextField
        type="date"
        size="small"
        label={t('audit.from')}
        value={filters.from ?? ''}
        onChange={(e) => onChange({ from: e.target.value || null })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: filters.to ?? undefined } }}
        sx={{ width: 160 }}
      />
      <TextField
        type="date"
        size="small"
        label={t('audit.to')}
        value={filters.to ?? ''}
        onChange={(e) => onChange({ to: e.target.value || null })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: filters.from ?? undefined } }}
        sx={{ width: 160 }}
      />
      <Autocomplete
        size="small"
        options={usernames}
        value={filters.user}
        onChange={(_, user) => onChange({ user })}
        renderInput={(params) => (
          <TextField {...params} label={t('audit.user')} placeholder={t('audit.any')} />
        )}
        sx={{ width: 180 }}
      />
      <AgentField value={filters.agent} onChange={(agent) => onChange({ agent })} />
      <TextField
        select
        size="small"
        label={t('audit.op')}
        value={filters.op ?? ''}
        onChange={(e) => onChange({ op: (e.target.value || null) as AuditOp | null })}
        sx={{ width: 190 }}
      >
        <MenuItem value="">{t('audit.any')}</MenuItem>
        <ListSubheader>{t('audit.actionOps')}</ListSubheader>
        {ACTION_OPS.map((op) => (
          <MenuItem key={op} value={op}>
            {t(`audit.ops.${op}`)}
          </MenuItem>
        ))}
        <ListSubheader>{t('audit.presenceOps')}</ListSubheader>
        {PRESENCE_OPS.map((op) => (
          <MenuItem key={op} value={op}>
            {t(`audit.ops.${op}`)}
          </MenuItem>
        ))}
        <ListSubheader>{t('audit.adminOps')}</ListSubheader>
        {ADMIN_OPS.map((op) => (
          <MenuItem key={op} value={op}>
            {t(`audit.ops.${op}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('audit.outcome')}
        value={filters.outcome ?? ''}
        onChange={(e) => onChange({ outcome: (e.target.value || null) as AuditOutcome | null })}
        sx={{ width: 130 }}
      >
        <MenuItem value="">{t('audit.any')}</MenuItem>
        {AUDIT_OUTCOMES.map((o) => (
          <MenuItem key={o} value={o}>
            {t(`audit.outcomes.${o}`)}
          </MenuItem>
        ))}
      </TextField>
      {hasAuditFilters(filters) && (
        <Button
          size="small"
          startIcon={<FilterAltOffRounded />}
          onClick={() =>
            onChange({ from: null, to: null, user: null, agent: null, op: null, outcome: null })
          }
        >
          {t('audit.clearFilters')}
        </Button>
      )}
    </Box>
  )
}

/** Part of an agent id, applied when typing pauses (and at once on Enter). */
function AgentField({
  value,
  onChange,
}: {
  value: string | null
  onChange: (agent: string | null) => void
}) {
  const { t } = useTranslation('admin')
  const [text, setText] = useState(value ?? '')
  // Follow the URL when it changes from elsewhere (clear filters, back button).
  const [shown, setShown] = useState(value)
  if (value !== shown) {
    setShown(value)
    if ((text.trim() || null) !== value) setText(value ?? '')
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const commit = (next: string) => {
    clearTimeout(timer.current)
    if ((next.trim() || null) !== value) onChange(next.trim() || null)
  }
  return (
    <TextField
      size="small"
      label={t('audit.agent')}
      placeholder={t('audit.agentPlaceholder')}
      value={text}
      onChange={(e) => {
        const next = e.target.value
        setText(next)
        clearTimeout(timer.current)
        timer.current = setTimeout(() => commit(next), TYPING_PAUSE_MS)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text)
      }}
      slotProps={{ htmlInput: { spellCheck: false } }}
      sx={{ width: 200 }}
    />
  )
}
