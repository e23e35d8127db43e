// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parsePlatformTime } from '@/shared/platform-time'
import { renderWithProviders } from '@/testing/render'
import { RepeatCallerFlag } from './repeat-caller-flag'

afterEach(cleanup)

describe('the repeat-caller flag', () => {
  it("links to the number's calls of that day in the call records", () => {
    const at = parsePlatformTime('2026-11-21 10:15:00', 'Asia/Shanghai')!
    renderWithProviders(<RepeatCallerFlag count={3} number="13912345678" at={at} />)
    const link = screen.getByRole('link', { name: '当天第 3 次来电：查看该号码当天的通话' })
    const url = new URL(link.getAttribute('href')!, 'http://console')
    expect(url.pathname).toBe('/calls')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-21 00:00:00',
      to: '2026-11-21 23:59:59',
      ani: '13912345678',
      order: 'oldest',
    })
    expect(link.textContent).toBe('3')
  })

  it('is only a mark without a number to link to', () => {
    renderWithProviders(<RepeatCallerFlag count={2} number={null} at={Date.now()} />)
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.getByRole('img', { name: '今日第 2 次来电' }).textContent).toBe('2')
  })
})
