import CallSplitRounded from '@mui/icons-material/CallSplitRounded'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import type { TimeRange } from '../utils/relay-problem'

interface SplitChoiceProps {
  /** The relay's words for why (14015), with the platform's own. */
  text: string
  halves: readonly [TimeRange, TimeRange]
  /** The half shown; null until the user chose to split. */
  half: 1 | 2 | null
  /** Rows in each half, once known. */
  totals: readonly [number | null | undefined, number | null | undefined]
  onChoose: (half: 1 | 2) => void
}

/**
 * 14015: the platform will not query across two of its databases, and its answer named the
 * time to split at (the relay guesses none of its own).
 * First the offer to split; then the two halves as a labelled toggle, each with its count,
 * and the grid below shows the chosen one (each paged on its own).
 */
export function SplitChoice({ text, halves, half, totals, onChoose }: SplitChoiceProps) {
  const { t } = useTranslation('calls')
  if (half === null) {
    return (
      <Alert
        severity="info"
        icon={<CallSplitRounded />}
        action={
          <Button color="inherit" variant="outlined" size="small" onClick={() => onChoose(1)}>
            {t('callRecords.split.action')}
          </Button>
        }
      >
        {text}
      </Alert>
    )
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
      <Typography variant="body2" id="split-label" sx={{ color: 'text.secondary' }}>
        {t('callRecords.split.choose')}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={half}
        aria-labelledby="split-label"
        onChange={(_, value: 1 | 2 | null) => {
          if (value !== null) onChoose(value)
        }}
      >
        {halves.map((range, i) => {
          const n = (i + 1) as 1 | 2
          const total = totals[i]
          return (
            <ToggleButton key={n} value={n} sx={{ textTransform: 'none', gap: 1 }}>
              <span>
                {t('callRecords.split.half', { n, from: range.beginTime, to: range.endTime })}
              </span>
              {typeof total === 'number' && (
                <Box
                  component="span"
                  sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
                >
                  {t('callRecords.split.count', { count: total })}
                </Box>
              )}
            </ToggleButton>
          )
        })}
      </ToggleButtonGroup>
    </Box>
  )
}
