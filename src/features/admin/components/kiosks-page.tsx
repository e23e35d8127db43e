import AddLinkRounded from '@mui/icons-material/AddLinkRounded'
import TvRounded from '@mui/icons-material/TvRounded'
import Button from '@mui/material/Button'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KioskLinkView } from '@/shared/admin'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { MessageState } from '@/components/ui/message-state'
import { SecretDialog } from '@/components/ui/secret-dialog'
import { useKiosks } from '../api/get-kiosks'
import { useRevokeKiosk } from '../api/revoke-kiosk'
import { useKnownSkills } from '../hooks/use-known-skills'
import { useDialogTarget } from '../hooks/use-dialog-target'
import { apiErrorMessage } from '@/lib/api-error-message'
import { AdminTableFrame } from './admin-table-frame'
import { LoadFailed } from './admin-table-states'
import { KioskFormDialog } from './kiosk-form-dialog'
import { KIOSK_COLUMNS, KiosksTable, KiosksTableHead } from './kiosks-table'
import { PageHeader } from './page-header'
import { byStatusThenNewest } from './revocable'

/** `/admin/kiosks`: wall-screen links; mint one (its URL shown once), revoke one. */
export function KiosksPage() {
  const { t } = useTranslation('admin')
  const kiosks = useKiosks()
  const revoke = useRevokeKiosk()
  const [formOpen, setFormOpen] = useState(false)
  const revoking = useDialogTarget<KioskLinkView | null>(null)
  const url = useDialogTarget('')

  const links = useMemo(() => [...(kiosks.data ?? [])].sort(byStatusThenNewest), [kiosks.data])
  const skillsInUse = useMemo(() => links.flatMap((l) => l.scope.skills ?? []), [links])
  const knownSkills = useKnownSkills(skillsInUse)
  const active = links.filter((l) => l.revokedAt === null).length

  return (
    <>
      <PageHeader
        title={t('kiosks.title')}
        aside={kiosks.data ? t('admin.activeCount', { active, total: links.length }) : undefined}
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
      <AdminTableFrame
        table={
          links.length > 0 ? (
            <KiosksTable
              links={links}
              onRevoke={(link) => {
                revoke.reset()
                revoking.show(link)
              }}
            />
          ) : null
        }
        label={t('kiosks.tableLabel')}
        head={<KiosksTableHead />}
        columns={KIOSK_COLUMNS}
        loading={kiosks.isPending}
        loadingLabel={t('kiosks.loading')}
        message={
          kiosks.isError ? (
            <LoadFailed title={t('kiosks.errorTitle')} onRetry={() => void kiosks.refetch()} />
          ) : (
            <MessageState
              icon={<TvRounded />}
              title={t('kiosks.emptyTitle')}
              body={t('kiosks.emptyBody')}
            />
          )
        }
      />

      <KioskFormDialog
        open={formOpen}
        knownSkills={knownSkills}
        onClose={() => setFormOpen(false)}
        onCreated={(created) => {
          setFormOpen(false)
          url.show(`${window.location.origin}${created.path}`)
        }}
      />
      <ConfirmDialog
        open={revoking.open}
        title={t('kiosks.confirmRevokeTitle', { name: revoking.target?.name ?? '' })}
        body={t('kiosks.confirmRevokeBody')}
        confirmLabel={t('admin.confirmRevoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error ? apiErrorMessage(revoke.error, t) : null}
        onConfirm={() => {
          const link = revoking.target
          if (link) revoke.mutate(link.id, { onSuccess: revoking.close })
        }}
        onClose={revoking.close}
      />
      <SecretDialog
        open={url.open}
        secret={url.target}
        title={t('kiosks.linkTitle')}
        body={t('kiosks.linkBody')}
        label={t('kiosks.linkLabel')}
        warning={t('kiosks.linkWarning')}
        onClose={url.close}
      />
    </>
  )
}
