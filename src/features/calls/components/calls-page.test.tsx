// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderRoutes } from '@/testing/render-app'
import { CallsPage } from './calls-page'

/** The relay at the page's boundary: answers `GET /api/calls` by its query. */
function stubRelay(answer: (q: URLSearchParams) => { status: number; body: unknown }) {
  const asked: URLSearchParams[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(
        input instanceof Request ? input.url : input.toString(),
        'http://localhost',
      )
      asked.push(url.searchParams)
      const { status, body } = answer(url.searchParams)
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    }),
  )
  return asked
}

const row = (n: number, beginTime: string) => ({
  callId: `call-${n}`,
  beginTime,
  callTypeName: '呼入',
  ani: `1380000000${n}`,
  dnis: '4000',
  result: '接通',
  talkLength: 61,
  endTypeName: '客户挂机',
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = (query: string) =>
  renderRoutes([{ path: '/calls', element: <CallsPage /> }], `/calls?${query}`)

describe('the calls page', () => {
  it('offers to split a range across two databases (14015) where the platform said, then shows each half', async () => {
    const halves = [
      { beginTime: '2025-01-25 00:00:00', endTime: '2025-01-31 23:59:59' },
      { beginTime: '2025-02-01 00:00:00', endTime: '2025-02-03 00:00:00' },
    ]
    const asked = stubRelay((q) => {
      const begin = q.get('beginTime')
      const end = q.get('endTime')
      if (begin === '2025-01-25 00:00:00' && end === '2025-02-03 00:00:00') {
        return {
          status: 409,
          body: {
            error: 'split_required',
            message: 'the range spans two databases',
            messages: { zh: '查询跨越了平台的两个数据库，需要分成两段查询', en: 'two databases' },
            platformCode: 14015,
            platformMessage:
              '不得跨库查询，必须分成两部分查询，请以 2025-02-01 00:00:00 时间点分为两次查询',
            halves,
          },
        }
      }
      if (begin === halves[0]!.beginTime) {
        return {
          status: 200,
          body: { total: 2, list: [row(1, '2025-01-30 10:00:00'), row(2, '2025-01-29 09:00:00')] },
        }
      }
      return { status: 200, body: { total: 1, list: [row(3, '2025-02-02 08:00:00')] } }
    })
    const { router } = render(
      'from=2025-01-25 00:00:00&to=2025-02-03 00:00:00&order=newest&page=1&size=20',
    )
    // The relay's own words, in the page's language, the platform's beside them, and the offer.
    expect(
      await screen.findByText(
        '查询跨越了平台的两个数据库，需要分成两段查询 （平台原话：“不得跨库查询，必须分成两部分查询，请以 2025-02-01 00:00:00 时间点分为两次查询”）',
      ),
    ).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: '分成两段查询' }))

    const first = await screen.findByRole('button', {
      name: /第 1 段 2025-01-25 00:00:00 至 2025-01-31 23:59:59\s*2 条/,
    })
    const second = await screen.findByRole('button', {
      name: /第 2 段 2025-02-01 00:00:00 至 2025-02-03 00:00:00\s*1 条/,
    })
    expect(first.getAttribute('aria-pressed')).toBe('true')
    expect(router.state.location.search).toContain('half=1')
    expect(await screen.findByText('共 2 条')).toBeTruthy()
    const grid = screen.getByRole('grid', { name: '通话记录列表' })
    await waitFor(() => expect(within(grid).getByText('2025-01-30 10:00:00')).toBeTruthy())

    await userEvent.click(second)
    expect(router.state.location.search).toContain('half=2')
    expect(await screen.findByText('共 1 条')).toBeTruthy()
    await waitFor(() => expect(within(grid).getByText('2025-02-02 08:00:00')).toBeTruthy())
    // Each half was asked for as its own range.
    expect(asked.some((q) => q.get('endTime') === '2025-01-31 23:59:59')).toBe(true)
    expect(asked.some((q) => q.get('beginTime') === '2025-02-01 00:00:00')).toBe(true)
  }, 40_000) // three grids rendered in turn: slow on a busy machine

  it.each([
    [
      14001,
      {
        error: 'range_too_large',
        messages: { zh: '平台认为查询时间跨度过大，请缩小时间范围', en: 'too large' },
        platformMessage: '没有权限',
      },
      '平台认为查询时间跨度过大，请缩小时间范围 （平台原话：“没有权限”）',
    ],
    [
      14015,
      {
        error: 'split_required',
        messages: { zh: '平台没有说明在哪里分开：请缩小时间范围', en: 'narrow it' },
        platformMessage: '不得跨库查询，必须分成两部分查询',
      },
      '平台没有说明在哪里分开：请缩小时间范围 （平台原话：“不得跨库查询，必须分成两部分查询”）',
    ],
  ])('asks to narrow the range on %i, with the platform’s own words', async (code, body, text) => {
    stubRelay(() => ({ status: code === 14001 ? 400 : 409, body: { ...body, platformCode: code } }))
    render('from=2025-01-01 00:00:00&to=2025-03-15 00:00:00&order=newest&page=1&size=20')
    expect((await screen.findAllByText(text)).length).toBeGreaterThan(0)
    // No split is offered where the platform named no time to split at.
    expect(screen.queryByRole('button', { name: '分成两段查询' })).toBeNull()
    expect(screen.queryByText(/31/)).toBeNull()
  })

  it('shows a field the relay refused at that field, and a timeout with a retry', async () => {
    let slow = true
    stubRelay((q) =>
      q.get('ani') === 'bad'
        ? {
            status: 400,
            body: { error: 'invalid_request', message: 'ani: at most 100 characters' },
          }
        : slow
          ? {
              status: 504,
              body: {
                error: 'upstream_timeout',
                message: 'slow',
                messages: { zh: '平台查询超时，请稍后再试', en: 'slow' },
              },
            }
          : { status: 200, body: { total: 0, list: [] } },
    )
    render('from=2025-01-06 00:00:00&to=2025-01-06 12:00:00&page=1&size=20')
    expect(await screen.findByText('平台查询超时，请稍后再试')).toBeTruthy()
    slow = false
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('这段时间没有通话')).toBeTruthy()

    cleanup()
    render('from=2025-01-06 00:00:00&to=2025-01-06 12:00:00&ani=bad')
    const field = await screen.findByRole('textbox', { name: '主叫号码' })
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    expect(field.getAttribute('aria-describedby')).toBeTruthy()
    const helper = document.getElementById(field.getAttribute('aria-describedby')!)
    expect(helper?.textContent).toBe('at most 100 characters')
  })

  it('fills a bare URL with today, in platform time', async () => {
    stubRelay(() => ({ status: 200, body: { total: 0, list: [] } }))
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 6, 17, 30), toFake: ['Date'] })
    try {
      const { router } = render('')
      await waitFor(() =>
        expect(new URLSearchParams(router.state.location.search).get('from')).toBe(
          '2025-01-07 00:00:00',
        ),
      )
      expect(new URLSearchParams(router.state.location.search).get('to')).toBe(
        '2025-01-07 01:30:00',
      )
    } finally {
      vi.useRealTimers()
    }
  })
})
