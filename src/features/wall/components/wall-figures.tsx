import AccessTimeFilledRounded from '@mui/icons-material/AccessTimeFilledRounded'
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded'
import RemoveCircleRounded from '@mui/icons-material/RemoveCircleRounded'
import ReportRounded from '@mui/icons-material/ReportRounded'
import WarningRounded from '@mui/icons-material/WarningRounded'
import Box from '@mui/material/Box'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { formatPercent, formatSeconds } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import type { QueueFigures } from '@/shared/floor'
import { type Tone, abandonRate, asaTone, serviceLevelTone } from '../utils/service-level'

/** Colour and shape of a tone: each has its own icon, so none relies on colour alone. */
const TONES: Record<Tone, { color: string; Icon: typeof CheckCircleRounded }> = {
  ok: { color: '#4ADE80', Icon: CheckCircleRounded },
  amber: { color: '#FBBF24', Icon: WarningRounded },
  red: { color: '#F87171', Icon: ReportRounded },
  none: { color: '#9AA4B2', Icon: RemoveCircleRounded },
}

interface CellProps {
  label: string
  value: string
  /** Below the value: the target, a rate. */
  note?: string | undefined
  tone?: Tone | undefined
  /** Said in words beside the tone's icon ("达标"). */
  toneText?: string | undefined
  icon?: ReactNode
  /** Drawn like a breaching tile: a dashed (amber) or thick solid (red) edge. */
  edge?: 'amber' | 'red' | undefined
}

function Cell({ label, value, note, tone, toneText, icon, edge }: CellProps) {
  const t = tone ? TONES[tone] : null
  return (
    <Box
      data-tone={tone}
      sx={{
        minWidth: 0,
        px: '0.8vw',
        py: '0.8vh',
        // Label and verdict share a line while they fit; the verdict drops below when not.
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        alignContent: 'flex-start',
        columnGap: '0.8vh',
        borderRadius: 1,
        bgcolor: 'background.paper',
        border: 1,
        borderColor: 'divider',
        // An edge drawn inside the cell, so the strip never changes height when it appears.
        outline:
          edge === 'red'
            ? '0.45vh solid #FF6B6B'
            : edge === 'amber'
              ? '0.3vh dashed #FBBF24'
              : 'none',
        outlineOffset: edge === 'red' ? '-0.45vh' : edge === 'amber' ? '-0.3vh' : 0,
        borderLeft: t ? `0.6vh solid ${t.color}` : undefined,
      }}
    >
      <Box
        component="dt"
        sx={{
          flex: '1 1 auto',
          display: 'flex',
          alignItems: 'center',
          gap: '0.6vh',
          fontSize: 'max(13px, 2vh)',
          lineHeight: 1.25,
          color: 'text.secondary',
        }}
      >
        {icon}
        {label}
      </Box>
      <Box
        component="dd"
        sx={{
          order: 1,
          flexBasis: '100%',
          m: 0,
          // Six across a landscape screen, three across a portrait one: the width counts too.
          fontSize: 'max(22px, min(4.8vh, 3.2vw))',
          fontWeight: 800,
          lineHeight: 1.1,
          fontVariantNumeric: 'tabular-nums',
          whiteSpace: 'nowrap',
        }}
      >
        {value}
      </Box>
      {t && toneText && (
        // The verdict in words beside its icon, so it reads without colour.
        <Box
          component="dd"
          sx={{
            m: 0,
            ml: 'auto',
            display: 'inline-flex',
            alignItems: 'center',
            gap: '0.4vh',
            color: t.color,
            fontSize: 'max(12px, 1.9vh)',
            fontWeight: 700,
            whiteSpace: 'nowrap',
          }}
        >
          <t.Icon aria-hidden sx={{ fontSize: 'max(16px, 2.6vh)' }} />
          {toneText}
        </Box>
      )}
      <Box
        component="dd"
        sx={{
          order: 2,
          flexBasis: '100%',
          m: 0,
          fontSize: 'max(12px, 1.6vh)',
          lineHeight: 1.25,
          color: 'text.secondary',
        }}
      >
        {note ?? '\u00a0'}
      </Box>
    </Box>
  )
}

interface WallFiguresProps {
  /** Today's totals; null before the first snapshot. */
  figures: QueueFigures | null
  /** Agents past their thresholds now; null before the first snapshot. */
  breaches: { amber: number; red: number } | null
}

/** Today's figures against their targets, and how many agents are over their time, in large type. */
export function WallFigures({ figures: f, breaches }: WallFiguresProps) {
  const { t } = useTranslation('wall')
  const locale = htmlLang(useLanguage())
  const sl = f ? serviceLevelTone(f) : 'none'
  const asa = f ? asaTone(f) : 'none'
  const rate = f ? abandonRate(f) : null
  return (
    <Box
      component="dl"
      aria-label={t('wall.figuresLabel')}
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(6, minmax(0, 1fr))',
        '@media (orientation: portrait)': { gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' },
        gap: '0.8vh',
      }}
    >
      <Cell
        label={t('wall.serviceLevel')}
        value={formatPercent(f?.serviceLevel, locale)}
        tone={sl}
        toneText={t(`wall.tone.${sl}`)}
        note={f ? t('wall.slTarget', { pct: f.slTargetPct, sec: f.slThresholdSec }) : undefined}
      />
      <Cell
        label={t('wall.abandoned')}
        value={f ? String(f.abandoned) : '—'}
        note={
          rate !== null ? t('wall.abandonRate', { rate: formatPercent(rate, locale) }) : undefined
        }
      />
      <Cell
        label={t('wall.longestQueue')}
        value={formatSeconds(f && f.offered > 0 ? f.longestQueueSec : null)}
        note={
          f ? t('wall.offeredAnswered', { offered: f.offered, answered: f.answered }) : undefined
        }
      />
      <Cell
        label={t('wall.asa')}
        value={formatSeconds(f?.asaSec)}
        tone={asa}
        toneText={t(`wall.asaTone.${asa}`)}
        note={f ? t('wall.asaTarget', { sec: f.slThresholdSec }) : undefined}
      />
      <Cell
        label={t('wall.breachRed')}
        value={breaches ? String(breaches.red) : '—'}
        icon={<ReportRounded aria-hidden sx={{ color: '#FF6B6B', fontSize: 'max(18px, 2.6vh)' }} />}
        edge={breaches && breaches.red > 0 ? 'red' : undefined}
        note={t('wall.breachLabel')}
      />
      <Cell
        label={t('wall.breachAmber')}
        value={breaches ? String(breaches.amber) : '—'}
        icon={
          <AccessTimeFilledRounded
            aria-hidden
            sx={{ color: '#FBBF24', fontSize: 'max(18px, 2.6vh)' }}
          />
        }
        edge={breaches && breaches.amber > 0 ? 'amber' : undefined}
        note={t('wall.breachLabel')}
      />
    </Box>
  )
}
