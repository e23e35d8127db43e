import LinkOffRounded from '@mui/icons-material/LinkOffRounded'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { KioskLinkView } from '@/shared/admin'
import { useLanguage } from '@/hooks/use-language'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { TABLE_SX } from './admin-table-states'
import { LastUsed, RevocableStatus } from './revocable'
import { RowAction } from './row-action'
import { DepartmentText, SkillChips } from './scope-chips'

export const KIOSK_COLUMNS = 7

export function KiosksTableHead() {
  const { t } = useTranslation('admin')
  return (
    <TableHead>
      <TableRow>
        <TableCell>{t('kiosks.name')}</TableCell>
        <TableCell>{t('admin.department')}</TableCell>
        <TableCell>{t('admin.skills')}</TableCell>
        <TableCell>{t('admin.created')}</TableCell>
        <TableCell>{t('admin.lastUsed')}</TableCell>
        <TableCell>{t('admin.status')}</TableCell>
        <TableCell align="right">{t('admin.actions')}</TableCell>
      </TableRow>
    </TableHead>
  )
}

interface KiosksTableProps {
  links: readonly KioskLinkView[]
  onRevoke: (link: KioskLinkView) => void
}

/** Wall-screen links, active ones first. */
export function KiosksTable({ links, onRevoke }: KiosksTableProps) {
  const { t } = useTranslation('admin')
  const locale = htmlLang(useLanguage())
  return (
    <Table size="small" aria-label={t('kiosks.tableLabel')} stickyHeader sx={TABLE_SX}>
      <KiosksTableHead />
      <TableBody>
        {links.map((link) => {
          const revoked = link.revokedAt !== null
          return (
            <TableRow key={link.id} hover sx={{ opacity: revoked ? 0.72 : 1 }}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                {link.name}
              </TableCell>
              <TableCell>
                <DepartmentText prefix={link.scope.orgPrefix} />
              </TableCell>
              <TableCell>
                <SkillChips skills={link.scope.skills} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(link.createdAt, locale)}
              </TableCell>
              <TableCell>
                <LastUsed at={link.lastUsedAt} />
              </TableCell>
              <TableCell>
                <RevocableStatus revoked={revoked} />
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {!revoked && (
                  <RowAction
                    label={t('kiosks.revoke', { name: link.name })}
                    icon={<LinkOffRounded fontSize="small" />}
                    color="error"
                    onClick={() => onRevoke(link)}
                  />
                )}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
