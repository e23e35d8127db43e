import Box from '@mui/material/Box'
import { useTranslation } from 'react-i18next'
import { FamilyIcon } from '@/components/ui/family-icon'
import { useLanguage } from '@/hooks/use-language'
import { formatPercent } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { FAMILY_PATTERNS } from '../utils/family-patterns'
import { type FamilyTotal, durationText } from '../utils/totals'
import { compactTableSx } from './table-styles'

/** Per family: a swatch as on the strip, how often, how long, what share of the day shown. */
export function FamilyTotalsTable({ rows, labelId }: { rows: FamilyTotal[]; labelId: string }) {
  const { t } = useTranslation()
  const locale = htmlLang(useLanguage())
  return (
    <Box component="table" aria-labelledby={labelId} sx={compactTableSx}>
      <thead>
        <tr>
          <th scope="col">{t('timeline.family')}</th>
          <th scope="col">{t('timeline.count')}</th>
          <th scope="col">{t('timeline.time')}</th>
          <th scope="col">{t('timeline.share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const pattern = FAMILY_PATTERNS[row.family]
          return (
            <tr key={row.family}>
              <th scope="row">
                <Box
                  component="span"
                  sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}
                >
                  <Box
                    component="span"
                    aria-hidden
                    sx={(theme) => {
                      const c = theme.vars.palette.family[row.family]
                      return {
                        width: 14,
                        height: 14,
                        borderRadius: 0.5,
                        flexShrink: 0,
                        color: c.bg,
                        background: pattern === 'none' ? c.main : `${pattern}, ${c.main}`,
                      }
                    }}
                  />
                  <FamilyIcon
                    family={row.family}
                    sx={{ fontSize: 16, color: `family.${row.family}.main` }}
                  />
                  {t(`families.${row.family}`)}
                </Box>
              </th>
              <td>{row.count}</td>
              <td>{durationText(row.seconds, t)}</td>
              <td>{formatPercent(row.share, locale)}</td>
            </tr>
          )
        })}
      </tbody>
    </Box>
  )
}
