// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type FloorSettings, defaultSettings } from '@/shared/settings'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { ThresholdsPage } from './thresholds-page'

const SAVED: FloorSettings = defaultSettings({ slThresholdSec: 20, shortAbandonSec: 5 })

function renderPage(put: (body: unknown) => Response) {
  const fetch = fakeFetch({ 'GET /api/settings': json(200, SAVED), 'PUT /api/settings': put })
  renderRoutes(
    [{ path: '/', element: <ThresholdsPage knownSkills={['7001@test.cc', '7002@test.cc']} /> }],
    '/',
  )
  return fetch
}

const field = (name: string) => screen.getByRole('textbox', { name })

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the thresholds page', () => {
  it('shows the saved thresholds in seconds or minutes, in plain words too', async () => {
    renderPage(() => json(200, SAVED))
    expect(await screen.findByRole('heading', { name: '阈值与服务水平目标' })).toBeTruthy()
    expect(field('所有坐席 振铃/接续 超时警告')).toHaveProperty('value', '15')
    expect(field('所有坐席 未就绪 超时警告')).toHaveProperty('value', '10')
    expect(screen.getByRole('combobox', { name: '所有坐席 未就绪 超时警告 单位' })).toHaveProperty(
      'value',
      'min',
    )
    // Plain words where they add something: 60 seconds of after-call work is "1 分".
    expect(field('所有坐席 话后处理 超时警告')).toHaveProperty('value', '60')
    expect(screen.getAllByText('1 分').length).toBeGreaterThan(0)
    expect(screen.queryByText('15 秒')).toBeNull() // "15 秒" already reads as itself
    expect(field('默认（所有队列） 目标')).toHaveProperty('value', '80')
  })

  it('checks the form before saving and says what is wrong beside the field', async () => {
    const user = userEvent.setup()
    const fetch = renderPage(() => json(200, SAVED))
    const red = await screen.findByRole('textbox', { name: '所有坐席 话后处理 严重超时' })
    await user.clear(red)
    await user.type(red, '1') // minute: the same as amber's 60 seconds
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(red.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('严重超时须长于超时警告')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toMatch(/标红/)
    expect(fetch.calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
  })

  it('saves in seconds, with overrides for a skill group', async () => {
    const user = userEvent.setup()
    const fetch = renderPage((body) => json(200, body))
    const amber = await screen.findByRole('textbox', { name: '所有坐席 未就绪 超时警告' })
    await user.clear(amber)
    await user.type(amber, '2.5') // minutes
    await user.type(screen.getByRole('combobox', { name: '选择技能组' }), '7002@test.cc')
    await user.click(screen.getAllByRole('button', { name: '添加' })[0]!)
    await user.type(field('技能组 7002 振铃/接续 超时警告'), '5')
    await user.type(field('技能组 7002 振铃/接续 严重超时'), '10')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(screen.getByText('已保存，所有屏幕已更新。')).toBeTruthy())
    const put = fetch.calls.find((c) => c.method === 'PUT')
    expect(put?.body).toEqual({
      ...SAVED,
      families: { ...SAVED.families, notReady: { amberSec: 150, redSec: 1200 } },
      bySkill: { '7002@test.cc': { ringing: { amberSec: 5, redSec: 10 } } },
    })
  })

  it('keeps the number typed when the unit changes: 30 then 秒 saves 30 seconds', async () => {
    const user = userEvent.setup()
    const fetch = renderPage((body) => json(200, body))
    const amber = await screen.findByRole('textbox', { name: '所有坐席 未就绪 超时警告' })
    await user.clear(amber)
    await user.type(amber, '30')
    await user.selectOptions(
      screen.getByRole('combobox', { name: '所有坐席 未就绪 超时警告 单位' }),
      'sec',
    )
    expect(amber).toHaveProperty('value', '30')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(screen.getByText('已保存，所有屏幕已更新。')).toBeTruthy())
    const put = fetch.calls.find((c) => c.method === 'PUT')
    expect(put?.body).toMatchObject({
      families: { notReady: { amberSec: 30, redSec: 1200 } },
    })
  })

  it('puts the relay’s refusal beside the field it names', async () => {
    const user = userEvent.setup()
    renderPage(() =>
      json(400, {
        error: 'invalid_request',
        message: 'defaultQueue.slThresholdSec: Too big: expected number to be <=3600',
      }),
    )
    const sl = await screen.findByRole('textbox', { name: '默认（所有队列） 服务水平阈值' })
    await user.clear(sl)
    await user.type(sl, '30')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(sl.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getByText('不能大于 1 小时')).toBeTruthy()
  })
  it('sets from how many calls of the day a number is a repeat caller, from 2 to 20', async () => {
    const user = userEvent.setup()
    const fetch = renderPage((body) => json(200, body))
    const repeat = await screen.findByRole('spinbutton', { name: '当天来电达到几次算重复来电' })
    expect(repeat).toHaveProperty('value', '2')
    await user.clear(repeat)
    await user.type(repeat, '1')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(repeat.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('不能小于 2')).toBeTruthy()
    expect(fetch.calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
    await user.clear(repeat)
    await user.type(repeat, '3')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(screen.getByText('已保存，所有屏幕已更新。')).toBeTruthy())
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...SAVED,
      repeatCallsMin: 3,
    })
  })

  it('keeps the long-silence length of recordings within 1 to 60 seconds', async () => {
    const user = userEvent.setup()
    const fetch = renderPage((body) => json(200, body))
    const silence = await screen.findByRole('spinbutton', { name: '长时间静音' })
    expect(silence).toHaveProperty('value', '5')
    await user.clear(silence)
    await user.type(silence, '61')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(silence.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('不能大于 1 分')).toBeTruthy()
    expect(fetch.calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
    await user.clear(silence)
    await user.type(silence, '8')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(screen.getByText('已保存，所有屏幕已更新。')).toBeTruthy())
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      ...SAVED,
      recordings: { longSilenceSec: 8 },
    })
  })
})
