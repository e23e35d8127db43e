import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import { useTranslation } from 'react-i18next'
import { RelativeTime } from '@/components/ui/relative-time'

/** A secret shown once and revocable: a wall-screen link, a webhook token. */
interface Revocable {
  createdAt: number
  revokedAt: number | null
}

/** Active ones first, newest first within each group. */
export function byStatusThenNewest(a: Revocable, b: Revocable): number {
  const revoked = Number(a.revokedAt !== null) - Number(b.revokedAt !== null)
  return revoked !== 0 ? revoked : b.createdAt - a.createdAt
}

export function RevocableStatus({ revoked }: { revoked: boolean }) {
  const { t } = useTranslation('admin')
  return revoked ? (
    <Chip size="small" label={t('admin.revoked')} />
  ) : (
    <Chip size="small" color="success" variant="outlined" label={t('admin.active')} />
  )
}

/** "3 minutes ago", or "Never used". */
export function LastUsed({ at }: { at: number | null }) {
  const { t } = useTranslation('admin')
  return at !== null ? (
    <RelativeTime at={at} />
  ) : (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {t('admin.neverUsed')}
    </Box>
  )
}
