import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { CallRecord } from '../api/get-call'
import { useFieldLabel } from '../hooks/use-field-label'
import { CDR_DETAIL_FIELDS, CDR_DETAIL_GROUPS } from '../utils/cdr-fields'
import { formatValue } from '../utils/cdr-values'
import { PEOPLE_FIELDS } from '../utils/people-values'
import { FieldList } from './field-list'
import { SegmentsTable } from './segments-table'

// The agent and skill group the relay adds are in the page's header, not among the CDR's fields.
const KNOWN: ReadonlySet<string> = new Set<string>([
  ...CDR_DETAIL_FIELDS,
  'segments',
  ...PEOPLE_FIELDS,
])

/** Every §4.4 field of the call, grouped and in words; then its segments and any other field. */
export function CdrSections({ cdr }: { cdr: CallRecord }) {
  const { t } = useTranslation('calls')
  const label = useFieldLabel()
  const words = { yes: t('callDetail.yes'), no: t('callDetail.no') }
  const others = Object.keys(cdr).filter((k) => !KNOWN.has(k))
  const segments = Array.isArray(cdr.segments)
    ? cdr.segments.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    : []
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      {CDR_DETAIL_GROUPS.map(({ group, fields }) => (
        <Box component="section" key={group} aria-labelledby={`cdr-${group}`}>
          <Typography id={`cdr-${group}`} variant="h2" component="h2" sx={{ mb: 1.25 }}>
            {t(`callDetail.groups.${group}`)}
          </Typography>
          <FieldList
            items={fields.map(({ field, kind }) => ({
              key: field,
              label: label(field),
              value: formatValue(cdr[field], kind, words),
            }))}
          />
        </Box>
      ))}
      {segments.length > 0 && (
        <Box component="section" aria-labelledby="cdr-segments">
          <Typography id="cdr-segments" variant="h2" component="h2" sx={{ mb: 1.25 }}>
            {t('callDetail.segments')}
          </Typography>
          <SegmentsTable segments={segments} />
        </Box>
      )}
      {others.length > 0 && (
        <Box component="section" aria-labelledby="cdr-other">
          <Typography id="cdr-other" variant="h2" component="h2" sx={{ mb: 1.25 }}>
            {t('callDetail.groups.other')}
          </Typography>
          <FieldList
            items={others.map((key) => ({
              key,
              label: key,
              value: formatValue(cdr[key], 'text', words),
            }))}
          />
        </Box>
      )}
    </Box>
  )
}
