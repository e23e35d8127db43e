import GroupRounded from '@mui/icons-material/GroupRounded'
import PersonAddRounded from '@mui/icons-material/PersonAddRounded'
import Button from '@mui/material/Button'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminUser } from '@/shared/admin'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { MessageState } from '@/components/ui/message-state'
import { SecretDialog } from '@/components/ui/secret-dialog'
import { useUsers } from '../api/get-users'
import { useKnownSkills } from '../hooks/use-known-skills'
import { useResetPassword } from '../api/reset-password'
import { useUpdateUser } from '../api/update-user'
import { apiErrorMessage } from '@/lib/api-error-message'
import { AdminTableFrame } from './admin-table-frame'
import { LoadFailed } from './admin-table-states'
import { PageHeader } from './page-header'
import { USER_COLUMNS, UsersTable, UsersTableHead } from './users-table'
import { UserFormDialog } from './user-form-dialog'

interface UsersPageProps {
  /** The signed-in admin: their own row cannot be disabled or demoted. */
  currentUserId: number
}

type Confirming = { kind: 'toggle' | 'reset'; user: AdminUser } | null

/** `/admin/users`: the tenant's users; add, edit, disable or enable, reset a password. */
export function UsersPage({ currentUserId }: UsersPageProps) {
  const { t } = useTranslation('admin')
  const users = useUsers()
  const update = useUpdateUser()
  const reset = useResetPassword()
  const [editing, setEditing] = useState<AdminUser | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const openForm = (user: AdminUser | null) => {
    setEditing(user)
    setFormOpen(true)
  }
  // What the dialogs show outlives their `open`, so nothing blanks while they fade out.
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [secret, setSecret] = useState<{ name: string; password: string }>({
    name: '',
    password: '',
  })
  const [secretOpen, setSecretOpen] = useState(false)
  const ask = (kind: 'toggle' | 'reset', user: AdminUser) => {
    update.reset()
    reset.reset()
    setConfirming({ kind, user })
    setConfirmOpen(true)
  }
  const showSecret = (name: string, password: string) => {
    setSecret({ name, password })
    setSecretOpen(true)
  }

  const skillsInUse = useMemo(
    () => (users.data ?? []).flatMap((u) => u.scope.skills ?? []),
    [users.data],
  )
  const knownSkills = useKnownSkills(skillsInUse)

  const closeConfirm = () => setConfirmOpen(false)

  const confirm = () => {
    if (!confirming) return
    const { user } = confirming
    if (confirming.kind === 'toggle') {
      update.mutate(
        { id: user.id, body: { disabled: !user.disabled } },
        { onSuccess: closeConfirm },
      )
    } else {
      reset.mutate(user.id, {
        onSuccess: (password) => {
          closeConfirm()
          showSecret(user.username, password)
        },
      })
    }
  }

  const confirmText = confirmTexts(confirming, t)
  const confirmError = confirming?.kind === 'toggle' ? update.error : reset.error

  return (
    <>
      <PageHeader
        title={t('users.title')}
        aside={users.data ? t('users.count', { count: users.data.length }) : undefined}
        action={
          <Button
            variant="contained"
            startIcon={<PersonAddRounded />}
            onClick={() => openForm(null)}
          >
            {t('users.add')}
          </Button>
        }
      />
      <AdminTableFrame
        table={
          users.data && users.data.length > 0 ? (
            <UsersTable
              users={users.data}
              currentUserId={currentUserId}
              onEdit={(user) => openForm(user)}
              onResetPassword={(user) => ask('reset', user)}
              onToggleDisabled={(user) => ask('toggle', user)}
            />
          ) : null
        }
        label={t('users.tableLabel')}
        head={<UsersTableHead />}
        columns={USER_COLUMNS}
        loading={users.isPending}
        loadingLabel={t('users.loading')}
        message={
          users.isError ? (
            <LoadFailed title={t('users.errorTitle')} onRetry={() => void users.refetch()} />
          ) : (
            <MessageState
              icon={<GroupRounded />}
              title={t('users.emptyTitle')}
              body={t('users.emptyBody')}
            />
          )
        }
      />

      <UserFormDialog
        open={formOpen}
        user={editing}
        isSelf={editing?.id === currentUserId}
        knownSkills={knownSkills}
        onClose={() => setFormOpen(false)}
        onCreated={(created) => {
          setFormOpen(false)
          if (created.password) showSecret(created.user.username, created.password)
        }}
      />
      <ConfirmDialog
        open={confirmOpen}
        title={confirmText.title}
        body={confirmText.body}
        confirmLabel={confirmText.confirm}
        danger={confirming?.kind === 'toggle' && !confirming.user.disabled}
        pending={update.isPending || reset.isPending}
        error={confirmError ? apiErrorMessage(confirmError, t) : null}
        onConfirm={confirm}
        onClose={closeConfirm}
      />
      <SecretDialog
        open={secretOpen}
        secret={secret.password}
        title={t('users.tempPasswordTitle', { name: secret.name })}
        body={t('users.tempPasswordBody')}
        label={t('users.tempPasswordLabel')}
        warning={t('users.tempPasswordWarning')}
        onClose={() => setSecretOpen(false)}
      />
    </>
  )
}

function confirmTexts(confirming: Confirming, t: TFunction<'admin'>) {
  if (!confirming) return { title: '', body: '', confirm: '' }
  const name = confirming.user.username
  if (confirming.kind === 'reset') {
    return {
      title: t('users.confirmResetTitle', { name }),
      body: t('users.confirmResetBody'),
      confirm: t('users.confirmReset'),
    }
  }
  return confirming.user.disabled
    ? {
        title: t('users.confirmEnableTitle', { name }),
        body: t('users.confirmEnableBody'),
        confirm: t('users.confirmEnable'),
      }
    : {
        title: t('users.confirmDisableTitle', { name }),
        body: t('users.confirmDisableBody'),
        confirm: t('users.confirmDisable'),
      }
}
