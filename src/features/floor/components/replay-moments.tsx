import ChevronLeftRounded from '@mui/icons-material/ChevronLeftRounded'
import ChevronRightRounded from '@mui/icons-material/ChevronRightRounded'
import FlagRounded from '@mui/icons-material/FlagRounded'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import ListSubheader from '@mui/material/ListSubheader'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { useSkillName } from '@/hooks/use-skill-names'
import { apiErrorMessage } from '@/lib/api-error-message'
import { formatClock, formatPercent, localPart } from '@/lib/format'
import { htmlLang } from '@/lib/i18n'
import { isAcState } from '@/shared/ac-state'
import type { FloorMoment } from '@/shared/replay'
import { useFloorMoments } from '../api/get-floor-moments'
import { useReplayStore } from '../stores/replay-store'

const SAME_MOMENT_MS = 500 // a moment this close to the shown one is the shown one

/** A moment in words: who ran long in which state, or which service level crossed its target. */
function useMomentText(): (moment: FloorMoment) => string {
  const { t } = useTranslation()
  const skillName = useSkillName()
  const locale = htmlLang(useLanguage())
  return (m) => {
    switch (m.kind) {
      case 'breach':
        return t('replay.breach', {
          name: m.name ?? localPart(m.agentId),
          state: isAcState(m.state) ? t(`states.${m.state}`) : m.state,
          level: t(`thresholds.${m.level}`),
        })
      case 'service-level':
        return t(
          m.direction === 'below' ? 'replay.serviceLevelBelow' : 'replay.serviceLevelAbove',
          {
            skill: m.skillId === null ? t('replay.allSkills') : skillName(m.skillId),
            value: formatPercent(m.serviceLevel, locale),
            target: formatPercent(m.target, locale),
          },
        )
    }
  }
}

/**
 * The moments that matter around the shown one (threshold breaches, service-level crossings):
 * a jump to the previous and the next, and the list of them with their times.
 */
export function ReplayMoments({ at }: { at: number }) {
  const { t } = useTranslation()
  const { data, error } = useFloorMoments(at)
  const moveTo = useReplayStore((s) => s.advanceTo)
  const text = useMomentText()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const moments = data?.moments ?? []
  const previous = moments.findLast((m) => m.at < at - SAME_MOMENT_MS)
  const next = moments.find((m) => m.at > at + SAME_MOMENT_MS)
  const jump = (m: FloorMoment | undefined) => m && moveTo(m.at)
  return (
    <>
      <Tooltip title={t('replay.prevMoment')}>
        <span>
          <IconButton
            size="small"
            aria-label={t('replay.prevMoment')}
            disabled={!previous}
            onClick={() => jump(previous)}
          >
            <ChevronLeftRounded />
          </IconButton>
        </span>
      </Tooltip>
      <Button
        size="small"
        startIcon={<FlagRounded />}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {t('replay.moments', { count: moments.length })}
      </Button>
      <Tooltip title={t('replay.nextMoment')}>
        <span>
          <IconButton
            size="small"
            aria-label={t('replay.nextMoment')}
            disabled={!next}
            onClick={() => jump(next)}
          >
            <ChevronRightRounded />
          </IconButton>
        </span>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxHeight: 420, maxWidth: 480 } } }}
      >
        <ListSubheader>{t('replay.momentsTitle')}</ListSubheader>
        {error ? (
          <MenuItem disabled>
            {t('replay.momentsFailed', { message: apiErrorMessage(error, t) })}
          </MenuItem>
        ) : moments.length === 0 ? (
          <MenuItem disabled>{t('replay.noMoments')}</MenuItem>
        ) : (
          moments.map((m, i) => (
            <MenuItem
              key={`${m.at}-${i}`}
              selected={Math.abs(m.at - at) <= SAME_MOMENT_MS}
              onClick={() => {
                setAnchor(null)
                moveTo(m.at)
              }}
              sx={{ gap: 1.5, whiteSpace: 'normal' }}
            >
              <Typography
                component="span"
                variant="body2"
                sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}
              >
                {formatClock(m.at)}
              </Typography>
              <Typography component="span" variant="body2" data-kind={m.kind}>
                {text(m)}
              </Typography>
            </MenuItem>
          ))
        )}
        {data?.truncated && <MenuItem disabled>{t('replay.momentsTruncated')}</MenuItem>}
      </Menu>
    </>
  )
}
