import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { useTranslation } from 'react-i18next'
import { useSkillName } from '@/hooks/use-skill-names'
import type { QueueFigures } from '@/shared/floor'
import { formatPercent, formatSeconds } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useLanguage } from '@/hooks/use-language'
import type { FigureKey } from '../hooks/use-figure-definitions'

const COLUMNS: readonly FigureKey[] = [
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'asa',
  'aht',
  'longestQueue',
]

/** A column head that gives its figure's definition on hover and keyboard focus. */
function Head({ label, definition }: { label: string; definition: string }) {
  return (
    <Tooltip title={definition} describeChild>
      <th scope="col" tabIndex={0} style={{ cursor: 'help' }}>
        {label}
      </th>
    </Tooltip>
  )
}

/** Today's figures per skill group, one compact row each. */
export function SkillFiguresTable({
  rows,
  definitions,
}: {
  rows: readonly QueueFigures[]
  /** Each column's definition (as the totals above give them). */
  definitions: Record<FigureKey, string>
}) {
  const { t } = useTranslation()
  const skillName = useSkillName()
  const locale = htmlLang(useLanguage())
  const sorted = [...rows].sort(
    (a, b) => b.offered - a.offered || (a.skillId ?? '').localeCompare(b.skillId ?? ''),
  )
  return (
    <Box
      sx={{ overflow: 'auto', maxHeight: 260, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Box
        component="table"
        sx={{
          width: '100%',
          borderCollapse: 'collapse',
          fontSize: '0.75rem',
          fontVariantNumeric: 'tabular-nums',
          '& th, & td': { px: 0.75, py: 0.5, textAlign: 'right', whiteSpace: 'nowrap' },
          '& th:first-of-type, & td:first-of-type': { textAlign: 'left' },
          '& thead th:focus-visible': { outline: 2, outlineColor: 'primary.main' },
          '& thead th': {
            position: 'sticky',
            top: 0,
            bgcolor: 'background.paper',
            color: 'text.secondary',
            fontWeight: 500,
            borderBottom: 1,
            borderColor: 'divider',
          },
          '& tbody tr + tr td': { borderTop: 1, borderColor: 'divider' },
        }}
      >
        <thead>
          <tr>
            <th scope="col">{t('figures.skill')}</th>
            {COLUMNS.map((key) => (
              <Head key={key} label={t(`figures.${key}`)} definition={definitions[key]} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.skillId ?? '—'}>
              <th scope="row" title={row.skillId ?? undefined} style={{ fontWeight: 500 }}>
                {row.skillId ? skillName(row.skillId) : '—'}
              </th>
              <td>{row.offered}</td>
              <td>{row.answered}</td>
              <Box component="td" sx={{ color: row.abandoned > 0 ? 'error.main' : undefined }}>
                {row.abandoned}
              </Box>
              <td>{formatPercent(row.serviceLevel, locale)}</td>
              <td>{formatSeconds(row.asaSec)}</td>
              <td>{formatSeconds(row.ahtSec)}</td>
              <td>{formatSeconds(row.longestQueueSec)}</td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  )
}
