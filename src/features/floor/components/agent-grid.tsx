import Box from '@mui/material/Box'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type KeyboardEvent, useCallback, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useElementWidth } from '@/hooks/use-element-width'
import { COMPACT_TILES, FULL_TILES, type TileLayout } from '../utils/density-layout'
import { TILE_GAP, nextIndex } from '../utils/grid-layout'
import { AgentTile } from './agent-tile'

interface AgentGridProps {
  ids: readonly string[]
  /** Opens an agent; absent on the wall screen, whose tiles are shown, not opened. */
  onOpen?: ((id: string) => void) | undefined
  /** Viewport size before the first measurement (tests; jsdom has no layout). */
  initialRect?: { width: number; height: number }
  /** Compact tiles (name, state, timer) with their smaller layout. */
  compact?: boolean | undefined
}

const OVERSCAN_ROWS = 3 // rows rendered beyond the viewport, so Tab and arrows find a neighbour

/**
 * The floor: rows of tiles, virtualised (only the rows in view exist), with a column count
 * that follows the width. Arrow keys, PageUp/PageDown, Home/End and Tab move between tiles;
 * Enter or Space opens the agent.
 */
export function AgentGrid({ ids, onOpen, initialRect, compact = false }: AgentGridProps) {
  const layout: TileLayout = compact ? COMPACT_TILES : FULL_TILES
  const { rowHeight: ROW_HEIGHT, tileHeight: TILE_HEIGHT, columnsFor } = layout
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const measured = useElementWidth(scrollRef)
  const columns = columnsFor(measured || initialRect?.width || 0)
  const rowCount = Math.ceil(ids.length / columns)

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser re-renders this component itself; no memoised value depends on it
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    initialRect,
  })

  const tileOf = useCallback((id: string) => {
    const tiles = scrollRef.current?.querySelectorAll<HTMLElement>('[data-agent-id]') ?? []
    for (const tile of tiles) if (tile.dataset.agentId === id) return tile
    return null
  }, [])

  const focusIndex = useCallback(
    (index: number) => {
      const id = ids[index]
      if (id === undefined) return
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' })
      let frames = 10 // the row may need a frame or two to mount after scrolling
      const attempt = () => {
        const el = tileOf(id)
        if (el) el.focus({ preventScroll: true })
        else if (--frames > 0) requestAnimationFrame(attempt)
      }
      attempt()
    },
    [ids, virtualizer, columns, tileOf],
  )

  // The focused agent, so focus can follow its tile when the order changes under it.
  const focusedId = useRef<string | null>(null)
  useLayoutEffect(() => {
    const id = focusedId.current
    const root = scrollRef.current
    if (!id || !root || root.contains(document.activeElement)) return
    if (document.activeElement !== document.body) return // the user went elsewhere
    tileOf(id)?.focus({ preventScroll: true })
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).dataset.agentId
    if (!id || !onOpen) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen(id)
      return
    }
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT),
    )
    const next = nextIndex(event.key, ids.indexOf(id), columns, ids.length, pageRows)
    if (next === null) return
    event.preventDefault()
    focusIndex(next)
  }

  const rows = virtualizer.getVirtualItems()
  return (
    <Box
      ref={scrollRef}
      role="region"
      aria-label={t('floor.gridLabel')}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        focusedId.current = (e.target as HTMLElement).dataset.agentId ?? focusedId.current
      }}
      onBlur={(e) => {
        // Leaving the grid for good (not a tile being re-mounted): forget the focus.
        if (e.relatedTarget) focusedId.current = null
      }}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 1.5, pt: 1, pb: 2, contain: 'strict' }}
    >
      <div style={{ position: 'relative', height: virtualizer.getTotalSize(), width: '100%' }}>
        {/*
          Tiles are siblings keyed by agent id, placed by row and column: when the order
          changes, React moves them instead of re-creating them, and their memo holds.
        */}
        {rows.flatMap((row) =>
          ids.slice(row.index * columns, (row.index + 1) * columns).map((id, col) => (
            <div
              key={id}
              style={{
                position: 'absolute',
                top: 0,
                left: `calc((100% + ${TILE_GAP}px) * ${col} / ${columns})`,
                width: `calc((100% - ${TILE_GAP * (columns - 1)}px) / ${columns})`,
                height: TILE_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <AgentTile id={id} onOpen={onOpen} compact={compact} />
            </div>
          )),
        )}
      </div>
    </Box>
  )
}
