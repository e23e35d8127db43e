import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import RefreshRounded from '@mui/icons-material/RefreshRounded'
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import CircularProgress from '@mui/material/CircularProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CstaHealth, HealthDetails } from '@/shared/health'
import { MessageState } from '@/components/ui/message-state'
import { RelativeTime } from '@/components/ui/relative-time'
import { isApiError } from '@/lib/api-client'
import { useLanguage } from '@/hooks/use-language'
import { formatDateTime, formatElapsed } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { useHealth } from '../api/get-health'
import { QUARANTINE_QUERY_KEY } from '../api/get-quarantine'
import { type CstaLinkState, cstaLinkState } from '../utils/csta-link'
import { PageHeader } from './page-header'
import { QuarantineList } from './quarantine-list'

/** The quarantine's heading: the count in the webhook card links to it. */
const LIST_HEADING = 'webhook-quarantine'

/**
 * `/admin/health`: the relay's own state for admins: the link to the platform's call control
 * (its last login, last call and last error, with times), what the webhook received since
 * start with the tenant's quarantined webhooks up front, and the relay itself; below, the
 * quarantine's list with a replay for each. The figures refresh every 15 s while open.
 */
export function HealthPage() {
  const { t } = useTranslation('admin')
  const health = useHealth()
  const queryClient = useQueryClient()
  // One page, one refresh: the figures and the list below them.
  const refresh = () => {
    void health.refetch()
    void queryClient.invalidateQueries({ queryKey: QUARANTINE_QUERY_KEY })
  }
  return (
    <>
      <PageHeader
        title={t('health.title')}
        action={
          // Never disabled: the page refreshes itself every 15 s, and a button that turns off
          // meanwhile would drop the keyboard focus.
          <Button
            variant="outlined"
            startIcon={
              health.isFetching ? <CircularProgress size={16} aria-hidden /> : <RefreshRounded />
            }
            onClick={refresh}
          >
            {t('health.refresh')}
          </Button>
        }
      />
      {health.isPending ? (
        <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
          <CircularProgress aria-label={t('health.loading')} />
        </Box>
      ) : health.isError ? (
        <MessageState
          icon={<ErrorOutlineRounded />}
          title={t('health.loadFailed')}
          body={isApiError(health.error) ? health.error.message : String(health.error)}
          action={
            <Button variant="outlined" onClick={() => void health.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <Box sx={{ display: 'grid', gap: 2 }}>
          <CstaSection link={health.data.csta} />
          <WebhookSection webhooks={health.data.webhooks} quarantine={health.data.quarantine} />
          <RelaySection details={health.data} />
        </Box>
      )}
      <Box sx={{ mt: 3 }}>
        <QuarantineList headingId={LIST_HEADING} />
      </Box>
    </>
  )
}

const STATE_COLOR = {
  off: 'default',
  unused: 'default',
  ok: 'success',
  failing: 'error',
} as const satisfies Record<CstaLinkState, 'default' | 'success' | 'error'>

function CstaSection({ link }: { link: CstaHealth | null }) {
  const { t } = useTranslation('admin')
  const state = cstaLinkState(link)
  return (
    <Section
      title={t('health.csta.title')}
      aside={
        <Chip
          size="small"
          color={STATE_COLOR[state]}
          variant={state === 'failing' ? 'filled' : 'outlined'}
          label={t(`health.csta.state.${state}`)}
        />
      }
    >
      {link === null ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('health.csta.notConfigured')}
        </Typography>
      ) : (
        <Fields
          items={[
            ['session', t('health.csta.session'), t(`health.csta.sessionState.${link.session}`)],
            ['lastLogin', t('health.csta.lastLogin'), <Time at={link.lastLoginAt} />],
            ['logins', t('health.csta.logins'), String(link.logins)],
            [
              'renewAt',
              t('health.csta.renewAt'),
              link.renewAt === null ? (
                t('health.csta.renewOnRefusal')
              ) : (
                <DateTime at={link.renewAt} />
              ),
            ],
            [
              'lastCall',
              t('health.csta.lastCall'),
              link.lastCall === null ? (
                t('health.never')
              ) : (
                <>
                  <RelativeTime at={link.lastCall.at} />
                  {` · HTTP ${link.lastCall.status}`}
                </>
              ),
            ],
            ['lastError', t('health.csta.lastError'), <LastError link={link} />],
          ]}
        />
      )}
    </Section>
  )
}

function LastError({ link }: { link: CstaHealth }) {
  const { t } = useTranslation('admin')
  const e = link.lastError
  if (e === null) return <>{t('health.csta.noError')}</>
  const kind =
    e.kind === 'session_refused' && e.retried
      ? t('health.csta.errors.session_refused_again')
      : t(`health.csta.errors.${e.kind}`)
  return (
    <>
      <RelativeTime at={e.at} />
      {` · ${kind}`}
      {e.status !== null && ` (HTTP ${e.status})`}
      {e.detail && (
        <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
          {e.detail}
        </Box>
      )}
    </>
  )
}

const WEBHOOK_COUNTERS = [
  'applied',
  'duplicate',
  'stale',
  'invalid',
  'unauthorized',
  'forbidden',
  'tooLarge',
] as const

function WebhookSection({
  webhooks,
  quarantine,
}: {
  webhooks: HealthDetails['webhooks']
  quarantine: HealthDetails['quarantine']
}) {
  const { t } = useTranslation('admin')
  const ignored = Object.values(webhooks.ignored).reduce((sum, n) => sum + n, 0)
  const waiting = quarantine.pending > 0
  return (
    <Section title={t('health.webhooks.title')}>
      <Fields
        items={[
          // Not a counter since start: what waits in the quarantine below, kept across restarts.
          [
            'quarantined',
            waiting ? (
              <Box component="a" href={`#${LIST_HEADING}`} sx={{ color: 'inherit' }}>
                {t('health.quarantined')}
              </Box>
            ) : (
              t('health.quarantined')
            ),
            waiting ? (
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <WarningAmberRounded aria-hidden sx={{ fontSize: 18, color: 'warning.main' }} />
                <strong>{quarantine.pending}</strong>
              </Box>
            ) : (
              String(quarantine.pending)
            ),
          ],
          ...WEBHOOK_COUNTERS.map(
            (k) => [k, t(`health.webhooks.${k}`), String(webhooks[k])] as const,
          ),
          ['ignored', t('health.webhooks.ignored'), String(ignored)],
        ]}
      />
    </Section>
  )
}

function RelaySection({ details }: { details: HealthDetails }) {
  const { t } = useTranslation('admin')
  return (
    <Section title={t('health.relay.title')}>
      <Fields
        items={[
          ['uptime', t('health.relay.uptime'), formatElapsed(details.uptimeSec * 1000)],
          ['agents', t('health.relay.agents'), String(details.agents)],
          ['clients', t('health.relay.clients'), String(details.clients)],
          ['store', t('health.relay.store'), t(`health.relay.${details.store}`)],
          ...(details.cluster
            ? ([
                ['node', t('health.relay.node'), details.cluster.nodeId],
                ['redis', t('health.relay.redis'), t(`health.relay.${details.cluster.redis}`)],
                ['unsent', t('health.relay.unsent'), String(details.cluster.unsent)],
                [
                  'leader',
                  t('health.relay.leader'),
                  t(details.cluster.leader ? 'health.relay.leading' : 'health.relay.following'),
                ],
              ] as const)
            : []),
        ]}
      />
    </Section>
  )
}

function Section({
  title,
  aside,
  children,
}: {
  title: string
  aside?: ReactNode
  children: ReactNode
}) {
  const id = useId()
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5 }}>
        <Typography id={id} variant="h2" component="h2" sx={{ fontSize: '1rem', fontWeight: 600 }}>
          {title}
        </Typography>
        {aside}
      </Box>
      {children}
    </Paper>
  )
}

/** Label–value pairs in columns that wrap, as a description list. */
function Fields({ items }: { items: ReadonlyArray<readonly [string, ReactNode, ReactNode]> }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
        columnGap: 3,
        rowGap: 1.5,
      }}
    >
      {items.map(([key, label, value]) => (
        <Box key={key} sx={{ minWidth: 0 }}>
          <Typography
            component="dt"
            variant="caption"
            sx={{ color: 'text.secondary', display: 'block' }}
          >
            {label}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            sx={{ m: 0, overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' }}
          >
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  )
}

function Time({ at }: { at: number | null }) {
  const { t } = useTranslation('admin')
  return at === null ? <>{t('health.never')}</> : <RelativeTime at={at} />
}

/** A time to come, as a date and time in platform time ("3 minutes ago" does not fit it). */
function DateTime({ at }: { at: number }) {
  return (
    <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, htmlLang(useLanguage()))}</time>
  )
}
