// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { SaveViewDialog } from './save-view-dialog'
import { DeptNameContext } from './view-names'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const QUERY = 'skill=7001%40test.cc&state=talking&state=acw&sort=time'

function render(query = QUERY, deptName?: (key: string) => string) {
  const onSaved = vi.fn()
  const onClose = vi.fn()
  const dialog = <SaveViewDialog open query={query} onClose={onClose} onSaved={onSaved} />
  renderRoutes(
    [
      {
        path: '/',
        element: deptName ? <DeptNameContext value={deptName}>{dialog}</DeptNameContext> : dialog,
      },
    ],
    '/',
  )
  return { onSaved, onClose }
}

const dialog = () => screen.getByRole('dialog', { name: '保存当前视图' })
const nameField = () => within(dialog()).getByRole('textbox', { name: '名称' })
const save = () => userEvent.click(within(dialog()).getByRole('button', { name: '保存' }))

describe('SaveViewDialog', () => {
  it('says what will be saved, in words', () => {
    render()
    const text = dialog().textContent
    expect(text).toContain('技能组：7001')
    expect(text).toContain('状态：通话中、话后处理')
    expect(text).toContain('排序：按状态时长')
    expect(document.activeElement).toBe(nameField())
  })

  it('names departments and says when over-time agents come first', () => {
    render('dept=org-7&breach=first', (key) => (key === 'org-7' ? '客服二部' : key))
    const text = dialog().textContent
    expect(text).toContain('部门：客服二部')
    expect(text).not.toContain('org-7')
    expect(text).toContain('超时坐席优先')
  })

  it('says so for a floor without filters', () => {
    render('')
    expect(dialog().textContent).toContain('没有筛选条件')
  })

  it('asks for a name before saving, and saves the name with the query', async () => {
    const fetch = fakeFetch({
      'POST /api/views': (body) =>
        json(201, { id: 7, ...(body as object), owner: 'lead', createdAt: Date.UTC(2025, 0, 6) }),
    })
    const { onSaved } = render()
    await save()
    expect(nameField().getAttribute('aria-invalid')).toBe('true')
    expect(within(dialog()).getByText('必填')).toBeTruthy()
    // Nothing saved yet (the skill-group names are read, nothing sent).
    expect(fetch.calls.filter((c) => c.method !== 'GET')).toHaveLength(0)

    await userEvent.type(nameField(), '  二部通话中 ')
    await save()
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(fetch.calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '二部通话中',
      query: QUERY,
    })
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 7, name: '二部通话中' }))
  })

  it('refuses a name over 80 characters without asking the relay', async () => {
    const fetch = fakeFetch({})
    render()
    await userEvent.click(nameField())
    await userEvent.paste('名'.repeat(81))
    await save()
    expect(within(dialog()).getByText('最多 80 个字符')).toBeTruthy()
    // Nothing saved yet (the skill-group names are read, nothing sent).
    expect(fetch.calls.filter((c) => c.method !== 'GET')).toHaveLength(0)
  })

  it('shows the relay’s refusal plainly and keeps the dialog open', async () => {
    fakeFetch({
      'POST /api/views': json(403, { error: 'forbidden', message: 'saveViews needed' }),
    })
    const { onSaved } = render()
    await userEvent.type(nameField(), '我的视图')
    await save()
    expect((await within(dialog()).findByRole('alert')).textContent).toBe('您没有权限执行此操作。')
    expect(onSaved).not.toHaveBeenCalled()
  })
})
