// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { LoginPage } from './login-page'

const DEMO = {
  demo: true,
  demoAccounts: [
    { username: 'admin', password: 'admin', role: 'admin' },
    { username: 'lead', password: 'lead', role: 'supervisor' },
    { username: 'viewer', password: 'viewer', role: 'viewer' },
  ],
}
const LEAD = {
  kind: 'user',
  id: 2,
  username: 'lead',
  role: 'supervisor',
  scope: { namespace: 'test.cc', orgPrefix: null, skills: null },
  deviceId: null,
  phoneNumber: null,
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderLogin(url = '/login') {
  return renderRoutes(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>landed</p> },
    ],
    url,
  )
}

async function signIn(username: string, password: string) {
  const user = userEvent.setup()
  await user.type(screen.getByLabelText(/^用户名/), username)
  await user.type(screen.getByLabelText(/^密码/), password)
  await user.click(screen.getByRole('button', { name: '登录' }))
}

describe('LoginPage', () => {
  it('says plainly when the password is wrong', async () => {
    fakeFetch({
      'GET /api/auth/config': json(200, { demo: false, demoAccounts: [] }),
      'POST /api/auth/login': json(401, {
        error: 'unauthenticated',
        reason: 'bad_credentials',
        message: 'wrong user name or password',
      }),
    })
    renderLogin()
    await signIn('lead', 'nope')
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码不正确。')
  })

  it('says the account is disabled', async () => {
    fakeFetch({
      'POST /api/auth/login': json(401, {
        error: 'unauthenticated',
        reason: 'disabled',
        message: 'this account has been disabled',
      }),
    })
    renderLogin()
    await signIn('lead', 'lead')
    expect((await screen.findByRole('alert')).textContent).toBe('该账号已被停用，请联系管理员。')
  })

  it('says how many minutes to wait after too many failures', async () => {
    fakeFetch({
      'POST /api/auth/login': json(
        429,
        { error: 'throttled', reason: 'throttled', retryAfterSec: 241, message: 'try again later' },
        { 'retry-after': '241' },
      ),
    })
    renderLogin()
    await signIn('lead', 'x')
    expect((await screen.findByRole('alert')).textContent).toBe(
      '登录失败次数过多，请 5 分钟后再试。',
    )
  })

  it('says when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    renderLogin()
    await signIn('lead', 'lead')
    expect((await screen.findByRole('alert')).textContent).toBe(
      '无法连接到服务器，请检查网络后重试。',
    )
  })

  it('asks for both fields before asking the relay', async () => {
    const fetch = fakeFetch()
    renderLogin()
    await userEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(screen.getByText('请输入用户名')).toBeTruthy()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    expect(fetch.calls.filter((c) => c.path === '/api/auth/login')).toHaveLength(0)
  })

  it('lists the demo accounts in demo mode; clicking one fills the form', async () => {
    fakeFetch({ 'GET /api/auth/config': json(200, DEMO) })
    renderLogin()
    const box = await screen.findByRole('region', { name: '演示账号' })
    expect(box.textContent).toContain('班长')
    await userEvent.click(screen.getByRole('button', { name: '使用演示账号 lead（班长）' }))
    expect(screen.getByLabelText<HTMLInputElement>(/^用户名/).value).toBe('lead')
    expect(screen.getByLabelText<HTMLInputElement>(/^密码/).value).toBe('lead')
  })

  it('shows no demo accounts outside demo mode', async () => {
    const fetch = fakeFetch({
      'GET /api/auth/config': json(200, { demo: false, demoAccounts: [] }),
    })
    renderLogin()
    await waitFor(() => expect(fetch.calls.some((c) => c.path === '/api/auth/config')).toBe(true))
    expect(screen.queryByRole('region', { name: '演示账号' })).toBeNull()
  })

  it('explains a wall-screen link that no longer works', () => {
    fakeFetch()
    renderLogin('/login?kiosk=invalid')
    expect(screen.getByText('此大屏链接已失效。请向管理员索取新的大屏链接。')).toBeTruthy()
  })

  it('goes back where the user was after signing in', async () => {
    const fetch = fakeFetch({
      'POST /api/auth/login': new Response(null, { status: 204 }),
      'GET /api/me': json(200, LEAD),
    })
    const { router } = renderLogin('/login?next=%2Fadmin%2Fusers%3Fx%3D1')
    await signIn('lead', 'lead')
    await screen.findByText('landed')
    expect(router.state.location.pathname + router.state.location.search).toBe('/admin/users?x=1')
    expect(fetch.calls.find((c) => c.path === '/api/auth/login')?.body).toEqual({
      username: 'lead',
      password: 'lead',
    })
  })

  it('never follows a next that leads off the site', async () => {
    fakeFetch({
      'POST /api/auth/login': new Response(null, { status: 204 }),
      'GET /api/me': json(200, LEAD),
    })
    const { router } = renderLogin('/login?next=%2F%2Fevil.example%2F')
    await signIn('lead', 'lead')
    await screen.findByText('landed')
    expect(router.state.location.pathname).toBe('/')
  })
})
