// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SkillGroup } from '@/shared/directory'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { SkillNamesPage } from './skill-names-page'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const GROUPS: SkillGroup[] = [
  { id: '7001@test.cc', name: null, agentCount: 12 },
  { id: '7002@test.cc', name: '售后', agentCount: 3 },
]

const render = () => renderRoutes([{ path: '/', element: <SkillNamesPage /> }], '/')

describe('SkillNamesPage', () => {
  it('says so when there are none yet, and when they cannot be loaded', async () => {
    const fetch = fakeFetch({ 'GET /api/admin/skill-groups': json(200, { skills: [] }) })
    render()
    expect(await screen.findByText('还没有技能组')).toBeTruthy()
    cleanup()
    fetch.on('GET /api/admin/skill-groups', json(500, { error: 'internal', message: 'boom' }))
    render()
    expect(await screen.findByText('技能组无法加载')).toBeTruthy()
  })

  it('names a group: the whole list is saved with the new name, and the row shows it', async () => {
    const fetch = fakeFetch({
      'GET /api/admin/skill-groups': json(200, { skills: GROUPS }),
      'PUT /api/skill-names': () => {
        fetch.on(
          'GET /api/admin/skill-groups',
          json(200, {
            skills: [{ ...GROUPS[0]!, name: '售前咨询' }, GROUPS[1]!],
          }),
        )
        return json(200, { names: { '7001@test.cc': '售前咨询', '7002@test.cc': '售后' } })
      },
    })
    render()
    const row = (await screen.findByRole('rowheader', { name: '7001@test.cc' })).closest('tr')!
    expect(row.textContent).toContain('未命名（显示为 7001）')
    await userEvent.click(within(row).getByRole('button', { name: '修改 7001@test.cc 的名称' }))
    const form = screen.getByRole('dialog', { name: '技能组 7001@test.cc 的名称' })
    await userEvent.type(within(form).getByLabelText('名称'), ' 售前咨询 {Enter}')
    expect(await screen.findByText('售前咨询')).toBeTruthy()
    expect(fetch.calls.find((c) => c.method === 'PUT')?.body).toEqual({
      names: { '7001@test.cc': '售前咨询', '7002@test.cc': '售后' },
    })
  })

  it('refuses a name another group has, and a name too long, without asking the relay', async () => {
    const fetch = fakeFetch({ 'GET /api/admin/skill-groups': json(200, { skills: GROUPS }) })
    render()
    await userEvent.click(await screen.findByRole('button', { name: '修改 7001@test.cc 的名称' }))
    const form = screen.getByRole('dialog')
    const field = within(form).getByLabelText('名称')
    await userEvent.type(field, '售后{Enter}')
    expect(await within(form).findByText('这个名称已给了技能组 7002@test.cc')).toBeTruthy()
    await userEvent.clear(field)
    await userEvent.type(field, `${'长'.repeat(41)}{Enter}`)
    expect(await within(form).findByText('最多 40 个字符')).toBeTruthy()
    expect(fetch.calls.some((c) => c.method === 'PUT')).toBe(false)
  })
})
