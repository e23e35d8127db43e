// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { abandonedCaller, callBacks } from '@/testing/fixtures'
import { renderWithProviders } from '@/testing/render'
import { WallCallBacks } from './wall-call-backs'

afterEach(() => cleanup())

describe('the call backs on the wall', () => {
  it('shows how many wait, the newest numbers masked, and who was reached again', () => {
    const waiting = ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005']
    renderWithProviders(
      <WallCallBacks
        callBacks={callBacks(
          waiting.map((p, i) => abandonedCaller(p, { attempts: i + 1 })),
          { waitingCount: 7, abandonedToday: 12, reachedAgain: 5 },
        )}
      />,
    )
    const block = screen.getByRole('region', { name: '待回拨的放弃客户' })
    expect(block.querySelector('[data-count]')?.textContent).toBe('7')
    const rows = within(block).getAllByRole('listitem')
    expect(rows.map((r) => r.textContent)).toEqual([
      '139****00011 次',
      '139****00022 次',
      '139****00033 次',
      '139****00044 次',
    ])
    // No full number anywhere on a screen the room reads, and nothing to click.
    expect(block.textContent).not.toContain('13900000001')
    expect(within(block).queryByRole('button')).toBeNull()
    expect(within(block).getByText('今日已回访 5 / 12')).toBeTruthy()
  })

  it('says when nobody waits, and draws nothing before the list arrives', () => {
    const { unmount } = renderWithProviders(
      <WallCallBacks callBacks={callBacks([], { abandonedToday: 3, reachedAgain: 3 })} />,
    )
    expect(screen.getByText('无人待回拨')).toBeTruthy()
    unmount()
    renderWithProviders(<WallCallBacks callBacks={null} />)
    expect(screen.queryByRole('region')).toBeNull()
  })
})
