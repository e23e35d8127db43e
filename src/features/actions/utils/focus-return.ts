/**
 * Where focus goes after a confirm dialog: back to what opened it when that is still on the
 * page (a button in the agent's drawer), else to the agent's own tile. A tile menu's item is
 * gone by then, and the browser's fallback (the page, then whichever tile the grid last had)
 * could be another agent's.
 */
export function returnFocus(agentId: string, opener: HTMLElement | null): void {
  if (opener?.isConnected && !opener.closest('[role="menu"]')) {
    opener.focus()
    return
  }
  // Compared as data, not put in a selector: an id may hold any character.
  for (const tile of document.querySelectorAll<HTMLElement>('[data-agent-id]')) {
    if (tile.dataset.agentId === agentId) {
      tile.focus()
      return
    }
  }
}
