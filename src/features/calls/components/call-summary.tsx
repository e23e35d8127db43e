import EastRounded from '@mui/icons-material/EastRounded'
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import { useTranslation } from 'react-i18next'
import { RepeatCallerFlag } from '@/components/ui/repeat-caller-flag'
import type { CallRecord } from '../api/get-call'
import { repeatOf } from '../utils/repeat-caller'
import { EMPTY, formatDuration, formatPlatformTime, formatValue } from '../utils/cdr-values'

/** The call at a glance: when, who to whom, how long, how it went. */
export function CallSummary({ cdr }: { cdr: CallRecord }) {
  const { t } = useTranslation('calls')
  const text = (v: unknown) => formatValue(v, 'text', { yes: '', no: '' })
  const result = text(cdr.result)
  const type = text(cdr.callTypeName)
  const repeat = repeatOf(cdr)
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 1.5,
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      <Box component="span" sx={{ fontWeight: 600 }}>
        {formatPlatformTime(cdr.beginTime)}
      </Box>
      {type !== EMPTY && <Chip size="small" label={type} />}
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        <span>{text(cdr.ani)}</span>
        {repeat && <RepeatCallerFlag count={repeat.count} number={repeat.number} at={repeat.at} />}
        <EastRounded
          aria-label={t('callDetail.to')}
          sx={{ fontSize: 16, color: 'text.secondary' }}
        />
        <span>{text(cdr.dnis)}</span>
      </Box>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {t('cdrFields.talkLength')} {formatDuration(cdr.talkLength)}
      </Box>
      {result !== EMPTY && <Chip size="small" variant="outlined" label={result} />}
    </Box>
  )
}
