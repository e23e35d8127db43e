import AddLinkRounded from '@mui/icons-material/AddLinkRounded'
import TvRounded from '@mui/icons-material/TvRounded'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableContainer from '@mui/material/TableContainer'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskLinkView } from '@/shared/admin'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { MessageState } from '@/components/ui/message-state'
import { SecretDialog } from '@/components/ui/secret-dialog'
import { useKiosks } from '../api/get-kiosks'
import { useRevokeKiosk } from '../api/revoke-kiosk'
import { apiErrorMessage } from '@/lib/api-error-message'
import { LoadFailed, MessageRow, SkeletonRows } from './admin-table-states'
import { KioskFormDialog } from './kiosk-form-dialog'
import { KIOSK_COLUMNS, KiosksTable, KiosksTableHead } from './kiosks-table'
import { PageHeader } from './page-header'

/** Active links first, newest first within each group. */
function byStatusThenNewest(a: KioskLinkView, b: KioskLinkView): number {
  const revoked = Number(a.revokedAt !== null) - Number(b.revokedAt !== null)
  return revoked !== 0 ? revoked : b.createdAt - a.createdAt
}

/** `/admin/kiosks`: wall-screen links; mint one (its URL shown once), revoke one. */
export function KiosksPage() {
  const { t } = useTranslation()
  const kiosks = useKiosks()
  const revoke = useRevokeKiosk()
  const [formOpen, setFormOpen] = useState(false)
  const [revoking, setRevoking] = useState<KioskLinkView | null>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [url, setUrl] = useState('')
  const [urlOpen, setUrlOpen] = useState(false)

  const links = useMemo(() => [...(kiosks.data ?? [])].sort(byStatusThenNewest), [kiosks.data])
  const knownSkills = useMemo(
    () => [...new Set(links.flatMap((l) => l.scope.skills ?? []))].sort(),
    [links],
  )
  const active = links.filter((l) => l.revokedAt === null).length

  return (
    <>
      <PageHeader
        title={t('kiosks.title')}
        aside={kiosks.data ? t('kiosks.count', { active, total: links.length }) : undefined}
        action={
          <Button
            variant="contained"
            startIcon={<AddLinkRounded />}
            onClick={() => setFormOpen(true)}
          >
            {t('kiosks.add')}
          </Button>
        }
      />
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        {links.length > 0 ? (
          <TableContainer sx={{ maxHeight: 'calc(100dvh - 210px)' }}>
            <KiosksTable
              links={links}
              onRevoke={(link) => {
                revoke.reset()
                setRevoking(link)
                setConfirmOpen(true)
              }}
            />
          </TableContainer>
        ) : (
          <Table size="small" aria-label={t('kiosks.tableLabel')}>
            <KiosksTableHead />
            <TableBody>
              {kiosks.isPending ? (
                <SkeletonRows columns={KIOSK_COLUMNS} label={t('kiosks.loading')} />
              ) : (
                <MessageRow columns={KIOSK_COLUMNS}>
                  {kiosks.isError ? (
                    <LoadFailed
                      title={t('kiosks.errorTitle')}
                      onRetry={() => void kiosks.refetch()}
                    />
                  ) : (
                    <MessageState
                      icon={<TvRounded />}
                      title={t('kiosks.emptyTitle')}
                      body={t('kiosks.emptyBody')}
                    />
                  )}
                </MessageRow>
              )}
            </TableBody>
          </Table>
        )}
      </Paper>

      <KioskFormDialog
        open={formOpen}
        knownSkills={knownSkills}
        onClose={() => setFormOpen(false)}
        onCreated={(created) => {
          setFormOpen(false)
          setUrl(`${window.location.origin}${created.path}`)
          setUrlOpen(true)
        }}
      />
      <ConfirmDialog
        open={confirmOpen}
        title={t('kiosks.confirmRevokeTitle', { name: revoking?.name ?? '' })}
        body={t('kiosks.confirmRevokeBody')}
        confirmLabel={t('kiosks.confirmRevoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error ? apiErrorMessage(revoke.error, t) : null}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: () => setConfirmOpen(false) })
        }}
        onClose={() => setConfirmOpen(false)}
      />
      <SecretDialog
        open={urlOpen}
        secret={url}
        title={t('kiosks.linkTitle')}
        body={t('kiosks.linkBody')}
        label={t('kiosks.linkLabel')}
        warning={t('kiosks.linkWarning')}
        onClose={() => setUrlOpen(false)}
      />
    </>
  )
}
