import AddRounded from '@mui/icons-material/AddRounded'
import LockRounded from '@mui/icons-material/LockRounded'
import WebhookRounded from '@mui/icons-material/WebhookRounded'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { WebhookTokenView } from '@/shared/webhook-tokens'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { MessageState } from '@/components/ui/message-state'
import { SecretDialog } from '@/components/ui/secret-dialog'
import { apiErrorMessage } from '@/lib/api-error-message'
import { isApiError } from '@/lib/api-client'
import { useWebhookTokens } from '../api/get-webhook-tokens'
import { useRevokeWebhookToken } from '../api/revoke-webhook-token'
import { useDialogTarget } from '../hooks/use-dialog-target'
import { AdminTableFrame } from './admin-table-frame'
import { LoadFailed } from './admin-table-states'
import { PageHeader } from './page-header'
import { byStatusThenNewest, LastUsed } from './revocable'
import { WebhookTokenFormDialog } from './webhook-token-form-dialog'
import {
  WEBHOOK_TOKEN_COLUMNS,
  WebhookTokensTable,
  WebhookTokensTableHead,
} from './webhook-tokens-table'

interface WebhookTokensPageProps {
  /** The admin's tenant: the only one whose tokens they see and mint. */
  namespace: string
}

/**
 * `/admin/webhook-tokens`: the tokens the tenant's platform may present on the callback URL;
 * mint one (its URL shown once), revoke one.
 */
export function WebhookTokensPage({ namespace }: WebhookTokensPageProps) {
  const { t } = useTranslation('admin')
  const list = useWebhookTokens()
  const revoke = useRevokeWebhookToken()
  const form = useDialogTarget(null)
  const revoking = useDialogTarget<WebhookTokenView | null>(null)
  const url = useDialogTarget('')

  const tokens = useMemo(() => [...(list.data?.tokens ?? [])].sort(byStatusThenNewest), [list.data])
  const active = tokens.filter((x) => x.revokedAt === null).length
  const forbidden = isApiError(list.error) && list.error.status === 403
  const settings = list.data?.settings

  return (
    <>
      <PageHeader
        title={t('webhookTokens.title')}
        aside={list.data ? t('admin.activeCount', { active, total: tokens.length }) : undefined}
        action={
          <Button
            variant="contained"
            startIcon={<AddRounded />}
            disabled={forbidden}
            onClick={() => form.show(null)}
          >
            {t('webhookTokens.add')}
          </Button>
        }
      />
      <Alert severity="info" sx={{ mb: 2 }}>
        <Stack spacing={0.75}>
          <span>{t('webhookTokens.intro', { namespace })}</span>
          <span>{t('webhookTokens.rotate')}</span>
          {settings && settings.count > 0 && (
            <span>
              {t('webhookTokens.settings', { count: settings.count })}{' '}
              <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                {t('webhookTokens.settingsLastUsed')} <LastUsed at={settings.lastUsedAt} />
              </Box>
            </span>
          )}
        </Stack>
      </Alert>
      <AdminTableFrame
        table={
          tokens.length > 0 ? (
            <WebhookTokensTable
              tokens={tokens}
              onRevoke={(token) => {
                revoke.reset()
                revoking.show(token)
              }}
            />
          ) : null
        }
        label={t('webhookTokens.tableLabel')}
        head={<WebhookTokensTableHead />}
        columns={WEBHOOK_TOKEN_COLUMNS}
        loading={list.isPending}
        loadingLabel={t('webhookTokens.loading')}
        message={
          forbidden ? (
            <MessageState
              icon={<LockRounded />}
              title={t('webhookTokens.forbiddenTitle')}
              body={t('webhookTokens.forbiddenBody')}
            />
          ) : list.isError ? (
            <LoadFailed title={t('webhookTokens.errorTitle')} onRetry={() => void list.refetch()} />
          ) : (
            <MessageState
              icon={<WebhookRounded />}
              title={t('webhookTokens.emptyTitle')}
              body={t('webhookTokens.emptyBody')}
            />
          )
        }
      />

      <WebhookTokenFormDialog
        open={form.open}
        onClose={form.close}
        onCreated={(created) => {
          form.close()
          url.show(`${window.location.origin}${created.path}`)
        }}
      />
      <ConfirmDialog
        open={revoking.open}
        title={t('webhookTokens.confirmRevokeTitle', { name: revoking.target?.name ?? '' })}
        body={t('webhookTokens.confirmRevokeBody')}
        confirmLabel={t('admin.confirmRevoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error ? apiErrorMessage(revoke.error, t) : null}
        onConfirm={() => {
          const token = revoking.target
          if (token) revoke.mutate(token.id, { onSuccess: revoking.close })
        }}
        onClose={revoking.close}
      />
      <SecretDialog
        open={url.open}
        secret={url.target}
        title={t('webhookTokens.createdTitle')}
        body={t('webhookTokens.createdBody', { namespace })}
        label={t('webhookTokens.createdLabel')}
        warning={t('webhookTokens.createdWarning')}
        onClose={url.close}
      />
    </>
  )
}
