// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CstaHealth, HealthDetails } from '@/shared/health'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { HealthPage } from './health-page'

const NOW = Date.now()
const MINUTE = 60_000

const details = (csta: CstaHealth | null): HealthDetails => ({
  status: 'ok',
  uptimeSec: 3_725,
  agents: 60,
  clients: 3,
  webhooks: {
    applied: 1_204,
    stale: 2,
    duplicate: 5,
    ignored: { heartbeat: 4 },
    invalid: 1,
    unauthorized: 0,
    forbidden: 0,
    tooLarge: 0,
  },
  csta,
})

const link = (over: Partial<CstaHealth>): CstaHealth => ({
  session: 'live',
  lastLoginAt: NOW - 2 * MINUTE,
  logins: 2,
  renewAt: null,
  lastCall: { at: NOW - 2 * MINUTE, status: 204 },
  lastError: null,
  ...over,
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () => renderRoutes([{ path: '/', element: <HealthPage /> }], '/')
const section = (name: string) => screen.getByRole('region', { name })
const field = (region: HTMLElement, label: string) =>
  within(region).getByText(label).nextElementSibling?.textContent ?? ''

describe('HealthPage', () => {
  it('shows the call-control link’s last login, last call and last error, with times', async () => {
    fakeFetch({
      'GET /api/health/details': json(
        200,
        details(
          link({
            lastError: {
              at: NOW - 2 * MINUTE,
              kind: 'session_refused',
              status: 426,
              retried: false,
              detail: null,
            },
          }),
        ),
      ),
    })
    render()
    await screen.findByRole('heading', { name: '呼叫控制连接（CSTA）' })
    const csta = section('呼叫控制连接（CSTA）')
    // The session was refused and renewed; the call after it went through.
    expect(within(csta).getByText('正常')).toBeTruthy()
    expect(field(csta, '最近登录')).toBe('2 分钟前')
    expect(field(csta, '启动以来登录次数')).toBe('2')
    expect(field(csta, '最近一次操作请求')).toBe('2 分钟前 · HTTP 204')
    expect(field(csta, '最近错误')).toBe('2 分钟前 · 平台拒绝了会话，已重新登录并重试 (HTTP 426)')
    expect(field(csta, '提前重新登录时间')).toBe('仅在平台拒绝会话时')

    const hooks = section('回调事件（启动以来）')
    expect(field(hooks, '已应用')).toBe('1204')
    expect(field(hooks, '未使用的事件（202）')).toBe('4')
    expect(field(section('中继服务'), '运行时长')).toBe('1:02:05')
  })

  it('says the link is failing when the retry after a new login was refused too', async () => {
    fakeFetch({
      'GET /api/health/details': json(
        200,
        details(
          link({
            lastCall: { at: NOW - MINUTE, status: 426 },
            lastError: {
              at: NOW - MINUTE,
              kind: 'session_refused',
              status: 426,
              retried: true,
              detail: null,
            },
          }),
        ),
      ),
    })
    render()
    const heading = await screen.findByRole('heading', { name: '呼叫控制连接（CSTA）' })
    const csta = heading.closest('section')!
    expect(within(csta).getByText('出错')).toBeTruthy()
    expect(field(csta, '最近错误')).toContain('重新登录后平台仍拒绝了会话 (HTTP 426)')
  })

  it('says when CSTA is not configured, and offers a retry when the details fail', async () => {
    const fetch = fakeFetch({ 'GET /api/health/details': json(200, details(null)) })
    render()
    expect(await screen.findByText('未配置')).toBeTruthy()
    expect(screen.getByText(/班长操作不可用/)).toBeTruthy()
    cleanup()
    fetch.on('GET /api/health/details', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('无法加载运行状况')).toBeTruthy()
    fetch.on('GET /api/health/details', json(200, details(link({}))))
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('正常')).toBeTruthy()
  })
})
