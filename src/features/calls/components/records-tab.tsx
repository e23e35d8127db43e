import EditNoteRounded from '@mui/icons-material/EditNoteRounded'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { use, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { CallBackButton, CallBackContext } from '@/components/ui/call-back-slot'
import { MessageState } from '@/components/ui/message-state'
import { useLanguage } from '@/hooks/use-language'
import { fetchRecordsPage } from '../api/fetch-records-page'
import { useCsvExport } from '../hooks/use-csv-export'
import { useFieldLabel } from '../hooks/use-field-label'
import type { UpdateSearch } from '../hooks/use-list-search'
import { type RecordRow, useRecordsPage } from '../hooks/use-records-page'
import { EXPORT_PAGE_SIZE } from '../utils/collect-rows'
import { csvFileName } from '../utils/csv'
import { CALL_COLUMNS, ROBOT_COLUMNS } from '../utils/list-columns'
import type { ListSearch, ListTab, TextFilter } from '../utils/list-search'
import { recordsCsv } from '../utils/records-csv'
import { type RelayProblem, relayProblem } from '../utils/relay-problem'
import { type FormField, checkSearch, formFieldOf } from '../utils/validate-search'
import { ExportControl } from './export-control'
import { type FiltersDraft, FiltersForm } from './filters-form'
import { ProblemState, useProblemText } from './problem-state'
import { RecordsGrid } from './records-grid'
import { customerNumberOf } from '../utils/customer-number'
import { SplitChoice } from './split-choice'

const FILTERS: Record<ListTab, readonly TextFilter[]> = {
  calls: ['ani', 'dnis', 'agent', 'skill'],
  robot: [
    'campaignId',
    'resultCode',
    'batchName',
    'batchId',
    'ani',
    'dnis',
    'rosterId',
    'uuiKey',
    'uuiValue',
  ],
}

interface RecordsTabProps {
  tab: ListTab
  search: ListSearch
  update: UpdateSearch
}

/** One tab of the call-records page: its query form, its grid, its export. */
export function RecordsTab({ tab, search, update }: RecordsTabProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  const navigate = useNavigate()
  const location = useLocation()
  const fieldLabel = useFieldLabel()
  const problemText = useProblemText()
  const columns = tab === 'robot' ? ROBOT_COLUMNS : CALL_COLUMNS
  // The robot tab asks for its campaign kindly at first, and firmly once searched without one.
  const [triedWithoutCampaign, setTriedWithoutCampaign] = useState(false)
  const needsCampaign = tab === 'robot' && search.campaignId === ''

  const checked = checkSearch(search, tab)
  const query = checked.ok ? checked.query : null
  const whole = useRecordsPage(tab, query)
  const wholeProblem = whole.error ? relayProblem(whole.error, language) : null
  const halves = wholeProblem?.kind === 'split' ? wholeProblem.halves : null
  const halfQuery = (i: 0 | 1) =>
    halves && query && search.half !== null
      ? { ...query, ...halves[i], p: search.half === i + 1 ? query.p : 1 }
      : null
  const first = useRecordsPage(tab, halfQuery(0))
  const second = useRecordsPage(tab, halfQuery(1))
  const split = halves !== null
  const active = split && search.half !== null ? (search.half === 1 ? first : second) : whole
  const activeProblem: RelayProblem | null =
    active.error && !(active === whole && split) ? relayProblem(active.error, language) : null

  const errors: Partial<Record<FormField, string>> = {}
  if (!checked.ok) {
    for (const [field, problem] of Object.entries(checked.problems) as [FormField, string][]) {
      if (field === 'campaignId' && needsCampaign && !triedWithoutCampaign) continue
      errors[field] = t(`callRecords.problems.${problem as 'required'}`)
    }
  }
  if (activeProblem?.kind === 'field') {
    const field = formFieldOf(activeProblem.field) ?? 'from'
    errors[field] = problemText(activeProblem)
  }
  if (activeProblem?.kind === 'rangeTooLarge') {
    errors.from = ''
    errors.to = problemText(activeProblem)
  }

  const onSearch = (draft: FiltersDraft) => {
    if (tab === 'robot') setTriedWithoutCampaign(draft.campaignId.trim() === '')
    const next = { ...search, ...draft, page: 1, half: null }
    const unchanged = (Object.keys(next) as (keyof ListSearch)[]).every(
      (k) => next[k] === search[k],
    )
    if (unchanged) void whole.refetch()
    else update({ ...draft, page: 1, half: null })
  }

  const linkOf = useCallback(
    (row: RecordRow) =>
      typeof row.callId === 'string' && row.callId !== ''
        ? `/calls/${encodeURIComponent(row.callId)}`
        : null,
    [],
  )
  const open = (row: RecordRow) => {
    const to = linkOf(row)
    if (to) void navigate(to, { state: { from: `${location.pathname}${location.search}` } })
  }

  // Call back, for users who may call out (the app provides the control only to them). Not on
  // robot calls: their number dialled carries the outside line's prefix (and the domain), and
  // a call back adds the prefix again.
  const canCallBack = use(CallBackContext).Button !== undefined && tab !== 'robot'
  const rowAction = useMemo(
    () =>
      canCallBack
        ? {
            header: t('callRecords.callBackColumn'),
            // The customer's number: the caller (or the record's customer number).
            after: 'ani',
            render: (row: RecordRow) => {
              const phone = customerNumberOf(row)
              return phone ? (
                <CallBackButton
                  customerPhone={phone}
                  forCallId={typeof row.callId === 'string' ? row.callId : null}
                />
              ) : null
            },
          }
        : undefined,
    [canCallBack, t],
  )

  const exporter = useCsvExport<RecordRow>()
  const startExport = () => {
    if (!query) return
    void exporter.start({
      fetchPage: (p, range, signal) =>
        fetchRecordsPage(tab, { ...query, p, s: EXPORT_PAGE_SIZE, ...(range ?? {}) }, signal),
      toCsv: (rows) =>
        recordsCsv(columns, rows, {
          field: (f) => fieldLabel(f === 'callId' ? 'callId' : f),
          seconds: (label) => t('callRecords.export.seconds', { label }),
        }),
      fileName: csvFileName(
        tab === 'robot' ? 'robot-calls' : 'calls',
        query.beginTime,
        query.endTime,
      ),
    })
  }

  const total = active.data?.total ?? null
  const empty = useMemo(
    () =>
      tab === 'robot'
        ? { title: t('robot.emptyTitle'), body: t('robot.emptyBody') }
        : { title: t('callRecords.emptyTitle'), body: t('callRecords.emptyBody') },
    [tab, t],
  )

  let body
  if (needsCampaign) {
    body = (
      <MessageState
        icon={<EditNoteRounded />}
        title={t('robot.needCampaignTitle')}
        body={t('robot.needCampaignBody')}
      />
    )
  } else if (
    !checked.ok ||
    activeProblem?.kind === 'field' ||
    activeProblem?.kind === 'rangeTooLarge'
  ) {
    body = (
      <MessageState
        icon={<EditNoteRounded />}
        title={t('callRecords.fixFieldsTitle')}
        body={activeProblem ? problemText(activeProblem) : t('callRecords.fixFields')}
      />
    )
  } else if (activeProblem) {
    body = (
      <ProblemState
        title={t('callRecords.errors.title')}
        problem={activeProblem}
        onRetry={() => void active.refetch()}
      />
    )
  } else if (split && search.half === null) {
    body = null // the offer to split says it all
  } else {
    body = (
      <RecordsGrid
        label={tab === 'robot' ? t('robot.gridLabel') : t('callRecords.gridLabel')}
        columns={columns}
        rows={active.data?.list ?? []}
        total={total}
        page={search.page}
        size={search.size}
        loading={active.isFetching}
        onPageChange={(page, size) => update({ page, size })}
        linkOf={linkOf}
        onOpen={open}
        empty={empty}
        storageKey={`wellcloud.columns.${tab}`}
        rowAction={rowAction}
      />
    )
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, flex: 1, minHeight: 0 }}>
      <FiltersForm
        key={`${tab}?${location.search}`}
        search={search}
        fields={FILTERS[tab]}
        required={tab === 'robot' ? ['campaignId'] : []}
        errors={errors}
        onSearch={onSearch}
        onOrderChange={(order) => update({ order, page: 1 })}
      />
      {tab === 'calls' && (search.agent !== '' || search.skill !== '') && (
        <Typography variant="body2" role="note" sx={{ color: 'text.secondary' }}>
          {t('callRecords.filteredPage', { size: search.size })}
        </Typography>
      )}
      {halves && wholeProblem && (
        <SplitChoice
          text={problemText(wholeProblem)}
          halves={halves}
          half={search.half}
          totals={[first.data?.total, second.data?.total]}
          onChoose={(half) => update({ half, page: 1 })}
        />
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', minHeight: 40 }}>
        <Typography
          variant="body2"
          role="status"
          sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}
        >
          {total !== null && body !== null && query ? t('callRecords.total', { count: total }) : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <ExportControl
          state={exporter.state}
          disabled={!query || activeProblem !== null || (active.data?.total ?? 1) === 0}
          onStart={startExport}
          onCancel={exporter.cancel}
          onDismiss={exporter.dismiss}
        />
      </Box>
      {body && (
        <Paper
          variant="outlined"
          sx={{
            flex: '1 0 420px',
            minHeight: 420,
            display: 'flex',
            flexDirection: 'column',
            overflow: 'hidden',
          }}
        >
          {body}
        </Paper>
      )}
    </Box>
  )
}
