import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import { localPart } from '@/lib/format'
import { type RingableAgent, useRingableAgents } from '../api/get-ringable-agents'

interface AgentPickerProps {
  value: RingableAgent | null
  onChange: (agent: RingableAgent | null) => void
  error: string | null
}

/** An agent logged in on the floor, found by name, id or extension. */
export function AgentPicker({ value, onChange, error }: AgentPickerProps) {
  const { t } = useTranslation('outbound')
  const agents = useRingableAgents(true)
  const label = (a: RingableAgent) =>
    t('callBack.agentOption', {
      name: a.name ?? localPart(a.id),
      id: localPart(a.id),
      device: localPart(a.extension),
      // The shell's words for the state (its messages are always loaded).
      state: t(`states.${a.acState}` as never),
    })
  return (
    <Autocomplete
      options={agents.data ?? []}
      value={value}
      onChange={(_e, next) => onChange(next)}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={agents.isPending}
      loadingText={t('callBack.agentsLoading')}
      noOptionsText={agents.isError ? t('callBack.agentsFailed') : t('callBack.agentsNone')}
      size="small"
      autoHighlight
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('callBack.agentLabel')}
          error={error !== null || agents.isError}
          helperText={
            error ?? (agents.isError ? t('callBack.agentsFailed') : t('callBack.agentHelp'))
          }
        />
      )}
    />
  )
}
