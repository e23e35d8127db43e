import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { type KeyboardEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FAMILY_ICONS } from '@/components/ui/family-icon'
import { useElementWidth } from '@/hooks/use-element-width'
import type { TimelineSegment } from '@/shared/timeline'
import { useSegmentText } from '../hooks/use-segment-text'
import { FAMILY_PATTERNS } from '../utils/family-patterns'
import { type StripRange, layoutStrip } from '../utils/strip-layout'
import { TimelineAxis } from './timeline-axis'

const STRIP_HEIGHT = 28 // px
const ICON_MIN_PX = 22 // a segment this wide shows its family's icon too

interface TimelineStripProps {
  segments: readonly TimelineSegment[]
  range: StripRange
  /** Id of the text saying how to step through the strip by keyboard. */
  hintId: string
}

/**
 * The day as one bar: each state a stretch in its family's colour and texture (and icon where
 * there is room). One stop in the Tab order; the arrow keys, Home and End step through the
 * states, each showing its tooltip (state, start, duration, reason) as the pointer does.
 */
export function TimelineStrip({ segments, range, hintId }: TimelineStripProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const width = useElementWidth(ref)
  const items = layoutStrip(segments, range, width)
  const text = useSegmentText()
  const lastIndex = items.at(-1)?.index ?? -1
  // The stop the strip's Tab lands on: the state last stepped to, else the current one.
  const [chosen, setChosen] = useState<number | null>(null)
  const active = items.some((i) => i.index === chosen) ? chosen : lastIndex

  const focusItem = (position: number) => {
    const item = items[Math.max(0, Math.min(items.length - 1, position))]
    if (!item) return
    setChosen(item.index)
    ref.current?.querySelector<HTMLElement>(`[data-index="${item.index}"]`)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = items.findIndex((i) => i.index === active)
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null
    if (next === null) return
    event.preventDefault()
    focusItem(next)
  }

  return (
    <Box>
      <Box
        ref={ref}
        role="list"
        aria-label={t('timeline.stripLabel')}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        sx={{
          position: 'relative',
          height: STRIP_HEIGHT,
          borderRadius: 1,
          bgcolor: 'action.hover',
          border: 1,
          borderColor: 'divider',
          overflow: 'hidden',
        }}
      >
        {items.map((item) => {
          const { segment } = item
          const live = item.index === lastIndex
          const words = text(segment, live)
          const Icon = FAMILY_ICONS[segment.family]
          const pattern = FAMILY_PATTERNS[segment.family]
          const px = (item.width / 100) * width
          return (
            <Tooltip
              key={`${item.index}-${segment.from}`}
              placement="top"
              title={
                <Box sx={{ display: 'grid', gap: 0.25, fontSize: '0.75rem' }}>
                  <strong>
                    {words.state}
                    {words.family !== words.state && ` · ${words.family}`}
                  </strong>
                  <span>
                    {words.from} – {words.to}
                  </span>
                  <span>{t('timeline.durationLine', { duration: words.duration })}</span>
                  {words.reason && (
                    <span>{t('timeline.reasonLine', { reason: words.reason })}</span>
                  )}
                </Box>
              }
            >
              <Box
                role="listitem"
                tabIndex={item.index === active ? 0 : -1}
                aria-label={words.label}
                aria-current={live ? 'time' : undefined}
                data-index={item.index}
                data-family={segment.family}
                onFocus={() => setChosen(item.index)}
                // Where it goes changes every second (the live edge): inline, so the styles
                // below stay one class per family instead of a new class per segment per tick.
                style={{
                  left: `${item.left}%`,
                  width: `${item.width}%`,
                  zIndex: item.tiny ? 1 : undefined,
                }}
                sx={(theme) => {
                  const c = theme.vars.palette.family[segment.family]
                  return {
                    position: 'absolute',
                    top: 0,
                    bottom: 0,
                    color: c.bg,
                    background: pattern === 'none' ? c.main : `${pattern}, ${c.main}`,
                    boxShadow: `inset -1px 0 0 ${theme.vars.palette.background.paper}`,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    outline: 'none',
                    '&:hover': { filter: 'brightness(1.1)' },
                    // Inside the segment: the strip clips what lies outside it.
                    '&:focus-visible': {
                      zIndex: '2 !important', // over the inline z-index of a tiny neighbour
                      minWidth: 8,
                      boxShadow: `inset 0 0 0 2px ${theme.vars.palette.text.primary}, inset 0 0 0 4px ${theme.vars.palette.background.paper}`,
                    },
                  }
                }}
              >
                {px >= ICON_MIN_PX && <Icon aria-hidden sx={{ fontSize: 16 }} />}
              </Box>
            </Tooltip>
          )
        })}
      </Box>
      <TimelineAxis range={range} />
    </Box>
  )
}
