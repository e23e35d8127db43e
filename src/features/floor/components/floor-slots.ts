import { type ComponentType, createContext } from 'react'
import type { AgentView } from '@/shared/floor'

/** Where a tile's menu opens: at the pointer (click, right-click), or beside the tile (keyboard). */
export type TileMenuAnchor =
  { kind: 'point'; top: number; left: number } | { kind: 'element'; element: HTMLElement }

export interface TileMenuProps {
  agent: AgentView
  anchor: TileMenuAnchor
  open: boolean
  onClose: () => void
  /** Opens the agent's details drawer (the menu closes). */
  onDetails: () => void
  /** The agent is past a threshold now (its breach may be snoozed). */
  overTime?: boolean
}

/**
 * What the app may add to the floor without the floor knowing the feature behind it (the
 * supervisor actions, the agent's timeline, saved views): a menu on each tile, a status line on
 * the tile, sections in the drawer, controls in the toolbar.
 * Without `TileMenu`, a click on a tile opens the details drawer.
 */
export interface FloorSlots {
  TileMenu?: ComponentType<TileMenuProps>
  /** Drawn on the tile, e.g. an action in progress; reads its own state by agent id. */
  TileStatus?: ComponentType<{ agentId: string }>
  /** Drawn at the top of the details drawer. */
  DrawerActions?: ComponentType<{ agent: AgentView }>
  /** Drawn in the details drawer below the actions (the agent's day). */
  DrawerTimeline?: ComponentType<{ agent: AgentView }>
  /** Drawn in the toolbar after the sort (saved views); reads and writes the URL itself. */
  ToolbarViews?: ComponentType
}

/** What every tile reads: the status slot, and how to open the menu (when there is one). */
export interface TileSlots {
  TileStatus?: ComponentType<{ agentId: string }> | undefined
  openMenu?: ((agentId: string, anchor: TileMenuAnchor) => void) | undefined
}

export const TileSlotsContext = createContext<TileSlots>({})
