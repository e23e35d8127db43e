import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { useSkillName } from '@/hooks/use-skill-names'
import type { QueueFigures } from '@/shared/floor'
import { formatPercent, formatSeconds } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useLanguage } from '@/hooks/use-language'

/** Today's figures per skill group, one compact row each. */
export function SkillFiguresTable({ rows }: { rows: readonly QueueFigures[] }) {
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
            <th scope="col">{t('figures.offered')}</th>
            <th scope="col">{t('figures.answered')}</th>
            <th scope="col">{t('figures.abandoned')}</th>
            <th scope="col">{t('figures.serviceLevel')}</th>
            <th scope="col">{t('figures.asa')}</th>
            <th scope="col">{t('figures.aht')}</th>
            <th scope="col">{t('figures.longestQueue')}</th>
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
