import KeyOffRounded from '@mui/icons-material/KeyOffRounded'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { WebhookTokenView } from '@/shared/webhook-tokens'
import { useLanguage } from '@/hooks/use-language'
import { formatDateTime } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { TABLE_SX } from './admin-table-states'
import { LastUsed, RevocableStatus } from './revocable'
import { RowAction } from './row-action'

export const WEBHOOK_TOKEN_COLUMNS = 7

export function WebhookTokensTableHead() {
  const { t } = useTranslation('admin')
  return (
    <TableHead>
      <TableRow>
        <TableCell>{t('webhookTokens.name')}</TableCell>
        <TableCell>{t('webhookTokens.tenant')}</TableCell>
        <TableCell>{t('webhookTokens.createdBy')}</TableCell>
        <TableCell>{t('admin.created')}</TableCell>
        <TableCell>{t('admin.lastUsed')}</TableCell>
        <TableCell>{t('admin.status')}</TableCell>
        <TableCell align="right">{t('admin.actions')}</TableCell>
      </TableRow>
    </TableHead>
  )
}

interface WebhookTokensTableProps {
  tokens: readonly WebhookTokenView[]
  onRevoke: (token: WebhookTokenView) => void
}

/** A tenant's webhook tokens, active ones first; never their secrets. */
export function WebhookTokensTable({ tokens, onRevoke }: WebhookTokensTableProps) {
  const { t } = useTranslation('admin')
  const locale = htmlLang(useLanguage())
  return (
    <Table size="small" aria-label={t('webhookTokens.tableLabel')} stickyHeader sx={TABLE_SX}>
      <WebhookTokensTableHead />
      <TableBody>
        {tokens.map((token) => {
          const revoked = token.revokedAt !== null
          return (
            <TableRow key={token.id} hover sx={{ opacity: revoked ? 0.72 : 1 }}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                {token.name}
              </TableCell>
              <TableCell>{token.namespace}</TableCell>
              <TableCell>{token.createdBy}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(token.createdAt, locale)}
              </TableCell>
              <TableCell>
                <LastUsed at={token.lastUsedAt} />
              </TableCell>
              <TableCell>
                <RevocableStatus revoked={revoked} />
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {!revoked && (
                  <RowAction
                    label={t('webhookTokens.revoke', { name: token.name })}
                    icon={<KeyOffRounded fontSize="small" />}
                    color="error"
                    onClick={() => onRevoke(token)}
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
