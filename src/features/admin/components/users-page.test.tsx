// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { UsersPage } from './users-page'

const scope = { namespace: 'test.cc', orgPrefix: null, skills: null }
const user = (id: number, username: string, role: string, disabled = false) => ({
  id,
  username,
  role,
  scope,
  disabled,
  deviceId: null,
  phoneNumber: null,
  createdAt: Date.UTC(2025, 0, 6),
  updatedAt: Date.UTC(2025, 0, 6),
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const render = () => renderRoutes([{ path: '/', element: <UsersPage currentUserId={1} /> }], '/')

describe('UsersPage', () => {
  it('says so when there are no users yet, and when the list cannot be loaded', async () => {
    const fetch = fakeFetch({ 'GET /api/users': json(200, []) })
    render()
    expect(await screen.findByText('还没有用户')).toBeTruthy()
    cleanup()
    fetch.on('GET /api/users', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('无法加载用户列表')).toBeTruthy()
  })

  it('adds a user, shows the relay’s temporary password once, and says when a name is taken', async () => {
    const fetch = fakeFetch({
      'GET /api/users': json(200, [user(1, 'admin', 'admin')]),
      'POST /api/users': (body) =>
        (body as { username: string }).username === 'admin'
          ? json(409, { error: 'conflict', message: 'username: admin is taken' })
          : json(201, { user: user(9, 'ann', 'viewer'), password: 'Tmp-9xQ2' }),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '添加用户' }))
    const dialog = screen.getByRole('dialog', { name: '添加用户' })
    await userEvent.type(within(dialog).getByLabelText(/^用户名/), 'admin')
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }))
    expect(await within(dialog).findByText('该用户名已被使用')).toBeTruthy()

    await userEvent.clear(within(dialog).getByLabelText(/^用户名/))
    await userEvent.type(within(dialog).getByLabelText(/^用户名/), 'ann')
    await userEvent.type(within(dialog).getByRole('combobox', { name: '技能组' }), '7001,7002,')
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }))
    const shown = await screen.findByRole('dialog', { name: 'ann 的临时密码' })
    expect(within(shown).getByLabelText<HTMLInputElement>('临时密码').value).toBe('Tmp-9xQ2')
    expect(shown.textContent).toContain('关闭此窗口后将无法再次查看此密码。')
    const created = fetch.calls.filter((c) => c.method === 'POST').at(-1)
    expect(created?.body).toEqual({
      username: 'ann',
      role: 'viewer',
      orgPrefix: null,
      skills: ['7001', '7002'],
    })
  })

  it('disables a user only after confirming', async () => {
    const fetch = fakeFetch({
      'GET /api/users': json(200, [user(1, 'admin', 'admin'), user(2, 'lead', 'supervisor')]),
      'PATCH /api/users/2': json(200, user(2, 'lead', 'supervisor', true)),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '停用 lead' }))
    const confirm = screen.getByRole('dialog', { name: '停用 lead？' })
    expect(fetch.calls.some((c) => c.method === 'PATCH')).toBe(false)
    await userEvent.click(within(confirm).getByRole('button', { name: '停用' }))
    expect(fetch.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ disabled: true })
  })

  it('picks the department by name from the floor’s tree, and shows a refusal under it', async () => {
    const fetch = fakeFetch({
      'GET /api/users': json(200, [user(1, 'admin', 'admin')]),
      'GET /api/admin/departments': json(200, {
        departments: [
          {
            id: 'org-1',
            name: '客服中心',
            treePos: '1',
            parent: null,
            path: ['客服中心'],
            agentCount: 3,
          },
          {
            id: 'org-1-2',
            name: '客服二部',
            treePos: '1.2',
            parent: '1',
            path: ['客服中心', '客服二部'],
            agentCount: 1,
          },
        ],
      }),
      'POST /api/users': json(400, {
        error: 'invalid_request',
        message:
          'orgPrefix: no department at 1.2 has been seen on the floor; pick one from the list',
      }),
    })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '添加用户' }))
    const dialog = screen.getByRole('dialog', { name: '添加用户' })
    await userEvent.type(within(dialog).getByLabelText(/^用户名/), 'ann')
    await userEvent.type(within(dialog).getByRole('combobox', { name: '部门范围' }), '二部')
    const option = await screen.findByRole('option', { name: /客服中心 \/ 客服二部/ })
    expect(option.textContent).toContain('1 名坐席')
    await userEvent.click(option)
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }))
    expect(await within(dialog).findByText(/no department at 1\.2/)).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toMatchObject({ orgPrefix: '1.2' })
  })
})
