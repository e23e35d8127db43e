// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SessionListener } from '@/lib/floor-socket'
import { i18n } from '@/lib/i18n'
import { queryClient } from '@/lib/query-client'
import type { Me } from '@/shared/auth'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { fakeLayout } from '@/testing/render'
import { renderRoutes } from '@/testing/render-app'
import { routes } from './router'
import { installSession } from './session'

// The live link is the socket module's business (tested there): here, only whether it is used.
const link = vi.hoisted(() => ({
  listeners: new Set<SessionListener>(),
  connect: vi.fn(),
  disconnect: vi.fn(),
}))
vi.mock('./floor-link', () => ({
  floorLink: {
    connect: link.connect,
    disconnect: link.disconnect,
    onSessionEnded: (listener: SessionListener) => {
      link.listeners.add(listener)
      return () => link.listeners.delete(listener)
    },
  },
}))

const scope = { namespace: 'test.cc', orgPrefix: null, skills: null }
const ME: Record<'admin' | 'viewer' | 'kiosk', Me> = {
  admin: {
    kind: 'user',
    id: 1,
    username: 'admin',
    role: 'admin',
    scope,
    deviceId: null,
    phoneNumber: null,
  },
  viewer: {
    kind: 'user',
    id: 3,
    username: 'viewer',
    role: 'viewer',
    scope,
    deviceId: null,
    phoneNumber: null,
  },
  kiosk: {
    kind: 'kiosk',
    id: 7,
    username: '一楼大屏',
    role: 'viewer',
    scope: { ...scope, orgPrefix: '1.2' },
    deviceId: null,
    phoneNumber: null,
  },
}
const user = (id: number, username: string, role: Me['role']) => ({
  id,
  username,
  role,
  scope,
  disabled: false,
  deviceId: null,
  phoneNumber: null,
  createdAt: Date.UTC(2025, 0, 6),
  updatedAt: Date.UTC(2025, 0, 6),
})
const USERS = [
  user(1, 'admin', 'admin'),
  user(2, 'lead', 'supervisor'),
  user(3, 'viewer', 'viewer'),
]

let restoreLayout: () => void
beforeAll(() => {
  restoreLayout = fakeLayout(1200, 800)
})
afterAll(() => restoreLayout())
beforeEach(() => {
  link.connect.mockClear()
  link.disconnect.mockClear()
  localStorage.clear()
})
afterEach(() => {
  cleanup()
  queryClient.clear()
  vi.unstubAllGlobals()
})

const render = (url: string) => renderRoutes(routes, url, queryClient)
const nav = (name = '主导航') => screen.getByRole('navigation', { name })

describe('roles in the UI', () => {
  it('shows a viewer the floor but no 管理, and a friendly 403 for the admin pages', async () => {
    fakeFetch({ 'GET /api/me': json(200, ME.viewer) })
    render('/admin/users')
    expect(await screen.findByText('没有权限访问此页面')).toBeTruthy()
    expect(within(nav()).getByRole('link', { name: '实时监控' })).toBeTruthy()
    expect(within(nav()).queryByRole('link', { name: '管理' })).toBeNull()
    expect(screen.getByText(/您的角色（观察员）/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '添加用户' })).toBeNull()
  })

  it('gives an admin the admin pages, but no way to disable their own account', async () => {
    fakeFetch({ 'GET /api/me': json(200, ME.admin), 'GET /api/users': json(200, USERS) })
    render('/admin/users')
    expect(await screen.findByRole('button', { name: '停用 lead' })).toHaveProperty(
      'disabled',
      false,
    )
    expect(screen.getByRole('button', { name: '停用 admin' })).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: '添加用户' })).toBeTruthy()
    expect(within(nav()).getByRole('link', { name: '管理' })).toBeTruthy()
  })

  it('gives outbound to those who may call out: 外呼 for an admin, the 403 page for a viewer', async () => {
    fakeFetch({
      'GET /api/me': json(200, ME.viewer),
    })
    render('/outbound')
    expect(await screen.findByText('没有权限访问此页面')).toBeTruthy()
    expect(within(nav()).queryByRole('link', { name: '外呼' })).toBeNull()
    cleanup()
    queryClient.clear()
    fakeFetch({
      'GET /api/me': json(200, ME.admin),
      'GET /api/outbound/rosters': json(200, { uploads: [] }),
      'GET /api/outbound/recent-activities': json(200, { activityIds: [] }),
    })
    render('/outbound')
    expect(await screen.findByRole('heading', { name: '外呼名单' })).toBeTruthy()
    expect(within(nav()).getByRole('link', { name: '外呼' })).toBeTruthy()
  })

  it('offers a call back on the call page to those who may call out, and not to a viewer', async () => {
    const call = {
      callId: 'call-1',
      callType: '1',
      callTypeName: '呼入',
      ani: '13912345678',
      dnis: '4001',
      beginTime: '2025-01-06 10:00:00',
    }
    const routes = {
      'GET /api/calls/call-1': json(200, call),
      'GET /api/calls/call-1/recordings': json(200, []),
    }
    fakeFetch({ 'GET /api/me': json(200, ME.admin), ...routes })
    render('/calls/call-1')
    expect(await screen.findByRole('button', { name: '回拨 13912345678' })).toBeTruthy()
    cleanup()
    queryClient.clear()
    fakeFetch({ 'GET /api/me': json(200, ME.viewer), ...routes })
    render('/calls/call-1')
    expect((await screen.findAllByText('13912345678')).length).toBeGreaterThan(0)
    expect(screen.queryByRole('button', { name: /回拨/ })).toBeNull()
  })

  it('shows a wall screen only the wall: no navigation, no user menu, its name', async () => {
    fakeFetch({ 'GET /api/me': json(200, ME.kiosk) })
    const { router } = render('/admin/users')
    await screen.findByRole('heading', { name: '实时大屏' })
    expect(router.state.location.pathname).toBe('/wall')
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(screen.queryByRole('button', { name: /^账号/ })).toBeNull()
    expect(screen.getByText(/一楼大屏/)).toBeTruthy()
    expect(link.connect).toHaveBeenCalled()
  })
})

describe('the route guard', () => {
  it('shows a calm loader, not the sign-in page, while it asks who is signed in', async () => {
    let answer: (r: Response) => void = () => {}
    fakeFetch({ 'GET /api/me': () => new Promise<Response>((r) => (answer = r)) })
    render('/')
    expect(screen.getByRole('status', { name: '正在验证登录状态…' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '登录' })).toBeNull()
    expect(link.connect).not.toHaveBeenCalled()
    act(() => answer(json(200, ME.viewer)))
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeTruthy()
    expect(link.connect).toHaveBeenCalled()
  })

  it('sends a visitor without a session to sign in, remembering the page', async () => {
    fakeFetch({
      'GET /api/me': json(401, {
        error: 'unauthenticated',
        reason: 'no_session',
        message: 'sign in first',
      }),
    })
    const { router } = render('/admin/kiosks?x=1')
    await screen.findByRole('button', { name: '登录' })
    expect(router.state.location.pathname).toBe('/login')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/admin/kiosks?x=1')
    expect(link.connect).not.toHaveBeenCalled()
  })
})

describe('the session', () => {
  it('signs out from the user menu: socket closed, cache cleared, on the sign-in page', async () => {
    const fetch = fakeFetch({
      'GET /api/me': json(200, ME.admin),
      'POST /api/auth/logout': () => {
        // The relay closes the session's sockets as it answers: the link must be stopped
        // first, or it would hear "your session ended" and show a forced end's notice.
        linkStoppedBeforeLogout = link.disconnect.mock.calls.length > 0
        return new Response(null, { status: 204 })
      },
    })
    let linkStoppedBeforeLogout = false
    const { router } = render('/')
    await userEvent.click(await screen.findByRole('button', { name: '账号：admin' }))
    const menu = screen.getByRole('menu')
    expect(menu.textContent).toContain('管理员')
    expect(menu.textContent).toContain('租户 test.cc')
    await userEvent.click(within(menu).getByRole('menuitem', { name: '退出登录' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(fetch.calls.some((c) => c.method === 'POST' && c.path === '/api/auth/logout')).toBe(true)
    expect(link.disconnect).toHaveBeenCalled()
    expect(linkStoppedBeforeLogout).toBe(true)
    expect(router.state.location.search).toBe('')
    expect(queryClient.getQueryData(['me'])).toBeUndefined()
  })

  it('goes to sign-in, saying why, when a request finds the session gone', async () => {
    fakeFetch({
      'GET /api/me': json(200, ME.admin),
      'GET /api/users': json(401, { error: 'unauthenticated', reason: 'expired', message: 'x' }),
    })
    const { router } = render('/admin/users')
    const uninstall = installSession(router)
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    const params = new URLSearchParams(router.state.location.search)
    expect(params.get('reason')).toBe('expired')
    expect(params.get('next')).toBe('/admin/users')
    expect(await screen.findByText('登录已过期，请重新登录。')).toBeTruthy()
    uninstall()
  })

  it('sends a revoked wall screen to sign-in with the invalid-link message', async () => {
    fakeFetch({ 'GET /api/me': json(200, ME.kiosk) })
    const { router } = render('/wall')
    const uninstall = installSession(router)
    await screen.findByRole('heading', { name: '实时大屏' })
    // The relay deletes a revoked link's sessions first, so the socket may only hear "no session".
    act(() => {
      for (const l of link.listeners) l({ reason: 'no_session', message: 'sign in first' })
    })
    await waitFor(() => expect(router.state.location.search).toBe('?kiosk=invalid'))
    expect(await screen.findByText('此大屏链接已失效。请向管理员索取新的大屏链接。')).toBeTruthy()
    uninstall()
  })

  it('asks again who we are when the role changed, and stays on the page', async () => {
    const fetch = fakeFetch({ 'GET /api/me': json(200, ME.viewer) })
    const { router } = render('/')
    const uninstall = installSession(router)
    await screen.findByRole('navigation', { name: '主导航' })
    expect(within(nav()).queryByRole('link', { name: '管理' })).toBeNull()
    fetch.on('GET /api/me', json(200, ME.admin))
    act(() => {
      for (const l of link.listeners)
        l({ reason: 'changed', message: 'your role or scope changed' })
    })
    expect(await within(nav()).findByRole('link', { name: '管理' })).toBeTruthy()
    expect(router.state.location.pathname).toBe('/')
    uninstall()
  })
})

describe('the language', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('zh'))
  })

  it('switches a page loaded on demand to English, its own messages too, and remembers it', async () => {
    fakeFetch({
      'GET /api/me': json(200, ME.admin),
      'GET /api/outbound/rosters': json(200, { uploads: [] }),
      'GET /api/outbound/recent-activities': json(200, { activityIds: [] }),
    })
    render('/outbound')
    expect(await screen.findByRole('heading', { name: '外呼名单' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: '切换语言' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'English' }))
    // The page's own namespace and the shell's, both fetched in English.
    expect(await screen.findByRole('heading', { name: 'Call lists' })).toBeTruthy()
    expect(within(nav('Main navigation')).getByRole('link', { name: 'Outbound' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: '外呼名单' })).toBeNull()
    expect(localStorage.getItem('wellcloud.language')).toBe('en')
  })
})
