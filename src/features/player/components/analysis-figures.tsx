import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { formatElapsed } from '@/lib/format'
import type { RecordingAnalysis, Span } from '@/shared/recording-analysis'
import { peaksProblem } from '../utils/peaks-problem'

// A long call may have dozens of marks: the first ones are listed, the rest counted.
const LISTED_MARKS = 12

interface AnalysisFiguresProps {
  analysis: UseQueryResult<RecordingAnalysis>
  /** The agent's and the customer's lane colours, for the talk ratio's bar. */
  sideColors: readonly [string, string]
  onSeek: (seconds: number) => void
}

const clock = (s: number) => formatElapsed(s * 1000)

/** The recording at a glance: talk ratio, silences, cross-talk, and each mark to jump to. */
export function AnalysisFigures({ analysis, sideColors, onSeek }: AnalysisFiguresProps) {
  const { t } = useTranslation('calls')
  const language = useLanguage()
  let body: ReactNode
  if (analysis.isPending) {
    body = (
      <Box>
        <Typography role="status" variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {t('analysis.loading')}
        </Typography>
        <Skeleton variant="rounded" height={48} animation="wave" aria-hidden />
      </Box>
    )
  } else if (analysis.isError) {
    const problem = peaksProblem(analysis.error, language)
    body = (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={() => void analysis.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('analysis.failed')}
        {problem.kind === 'network'
          ? ` ${t('errors.network')}`
          : problem.text
            ? ` ${problem.text}`
            : ''}
      </Alert>
    )
  } else {
    body = <Figures a={analysis.data} sideColors={sideColors} onSeek={onSeek} />
  }
  return (
    <Box component="section" aria-labelledby="analysis-title">
      <Typography id="analysis-title" variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {t('analysis.title')}
      </Typography>
      {body}
    </Box>
  )
}

function Figures({
  a,
  sideColors,
  onSeek,
}: {
  a: RecordingAnalysis
  sideColors: readonly [string, string]
  onSeek: (seconds: number) => void
}) {
  const { t } = useTranslation('calls')
  const share = a.talk?.agentShare ?? null
  const agentPct = share === null ? null : Math.round(share * 100)
  const marks: { kind: 'silence' | 'crossTalk'; span: Span }[] = [
    ...a.silences.map((span) => ({ kind: 'silence' as const, span })),
    ...(a.crossTalk ?? []).map((span) => ({ kind: 'crossTalk' as const, span })),
  ].sort((x, y) => x.span.start - y.span.start)
  const listed = marks.slice(0, LISTED_MARKS)

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' },
          gap: 1.5,
          '& dt': { color: 'text.secondary', typography: 'caption' },
          '& dd': { m: 0, typography: 'body1', fontVariantNumeric: 'tabular-nums' },
        }}
      >
        <Box>
          <dt>{t('analysis.talkRatio')}</dt>
          <dd>
            {agentPct === null ? (
              a.channels === 1 ? (
                t('analysis.noSides')
              ) : (
                t('analysis.nobodySpoke')
              )
            ) : (
              <>
                {t('analysis.ratio', { agent: agentPct, customer: 100 - agentPct })}
                <Box
                  aria-hidden
                  sx={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', mt: 0.5 }}
                >
                  <Box sx={{ width: `${agentPct}%`, bgcolor: sideColors[0] }} />
                  <Box sx={{ flex: 1, bgcolor: sideColors[1] }} />
                </Box>
              </>
            )}
          </dd>
        </Box>
        <Box>
          <dt>{t('analysis.totalSilence', { seconds: a.silenceSec })}</dt>
          <dd>
            {clock(a.totals.silenceSec)}
            <Typography component="span" variant="caption" sx={{ color: 'text.secondary' }}>
              {' '}
              {t('analysis.silenceCount', { count: a.silences.length })}
            </Typography>
          </dd>
        </Box>
        <Box>
          <dt>{t('analysis.longestSilence')}</dt>
          <dd>{a.silences.length > 0 ? clock(a.totals.longestSilenceSec) : '—'}</dd>
        </Box>
        <Box>
          <dt>{t('analysis.crossTalk')}</dt>
          <dd>
            {a.crossTalk === null
              ? t('analysis.noSides')
              : t('analysis.crossTalkFigure', {
                  count: a.totals.crossTalkCount,
                  time: clock(a.totals.crossTalkSec),
                })}
          </dd>
        </Box>
      </Box>
      {a.channels === 1 && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('analysis.oneTrack')}
        </Typography>
      )}
      {marks.length === 0 ? (
        <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
          {a.crossTalk === null
            ? t('analysis.noSilences', { seconds: a.silenceSec })
            : t('analysis.nothingMarked', { seconds: a.silenceSec })}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label={t('analysis.marks')}
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, m: 0, p: 0, listStyle: 'none' }}
        >
          {listed.map(({ kind, span }) => (
            <li key={`${kind}-${span.start}`}>
              <Button
                size="small"
                variant="outlined"
                color={kind === 'crossTalk' ? 'warning' : 'inherit'}
                onClick={() => onSeek(span.start)}
                sx={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {t(kind === 'silence' ? 'analysis.silenceMark' : 'analysis.crossTalkMark', {
                  from: clock(span.start),
                  to: clock(span.end),
                })}
              </Button>
            </li>
          ))}
          {marks.length > listed.length && (
            <Typography component="li" variant="body2" sx={{ alignSelf: 'center' }}>
              {t('analysis.moreMarks', { count: marks.length - listed.length })}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  )
}
