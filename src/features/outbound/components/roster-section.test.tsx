// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RosterUpload } from '@/shared/outbound'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { RosterSection } from './roster-section'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const UPLOAD: RosterUpload = {
  batchId: 'b-42',
  batchName: '批次-20250106-1',
  alias: '催收包',
  templateId: 'camp-7',
  fileName: 'list.csv',
  entries: 3,
  duplicatesDropped: 1,
  uploadedAt: Date.UTC(2025, 0, 6, 2, 0, 0),
  username: 'lead',
}

const render = () => renderRoutes([{ path: '/', element: <RosterSection /> }], '/')

const choose = (name: string, text: string) =>
  userEvent.upload(screen.getByLabelText('名单文件'), new File([text], name, { type: 'text/csv' }))

const GOOD = '1,loan,13912345678\n2,loan,13800138000,c2,name:张三|amount:300\n'

describe('RosterSection', () => {
  it('marks a bad line with its reason, and will not upload until it is fixed', async () => {
    const fetch = fakeFetch({ 'GET /api/outbound/rosters': json(200, { uploads: [] }) })
    render()
    expect(await screen.findByText('还没有上传过名单')).toBeTruthy()
    await choose('list.csv', `${GOOD}3，loan，13700137000\n4,loan,12ab\n`)
    expect(await screen.findByText('list.csv：2 条名单，2 行有误')).toBeTruthy()
    const preview = screen.getByRole('table', { name: '名单预览' })
    const bad3 = preview.querySelector('[data-bad-line="3"]')!
    expect(bad3.textContent).toContain('有误：用了中文逗号“，”：请改为英文逗号“,”')
    expect(bad3.textContent).toContain('3，loan，13700137000')
    expect(preview.querySelector('[data-bad-line="4"]')!.textContent).toContain(
      '号码不正确：应为 3–20 位数字，可带开头的 +',
    )
    expect(screen.getByText('第 4 行：号码不正确：应为 3–20 位数字，可带开头的 +')).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '上传' }).disabled).toBe(true)
    expect(screen.getByText('请先改正有误的行')).toBeTruthy()
    expect(fetch.calls.some((c) => c.method === 'POST')).toBe(false)
  })

  it('offers the bad lines as a file, each under a comment saying why', async () => {
    fakeFetch({ 'GET /api/outbound/rosters': json(200, { uploads: [] }) })
    const created: Blob[] = []
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => (created.push(b), 'blob:x'),
        revokeObjectURL: () => {},
      }),
    )
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    render()
    await choose('list.csv', `${GOOD}\n5,,13700137000\n`)
    await userEvent.click(await screen.findByRole('button', { name: '下载有误的行' }))
    expect(click).toHaveBeenCalled()
    expect(await created[0]!.text()).toBe(
      '# 第 3 行: 空行\n\n# 第 4 行: 业务类型为空\n5,,13700137000\n',
    )
    click.mockRestore()
  })

  it('reports duplicates and uploads with the later ones dropped when asked', async () => {
    const fetch = fakeFetch({
      'GET /api/outbound/rosters': json(200, { uploads: [] }),
      'POST /api/outbound/rosters': () => {
        fetch.on('GET /api/outbound/rosters', json(200, { uploads: [UPLOAD] }))
        return json(201, UPLOAD)
      },
    })
    render()
    await choose('list.csv', `${GOOD}3,loan,13912345678\n4,loan,13500135000\n`)
    const dup = await screen.findByText(/1 个号码重复出现（后面重复的共 1 条）/)
    expect(within(dup).getByText('13912345678：第 1、3 行')).toBeTruthy()
    await userEvent.click(screen.getByLabelText('上传前去掉后面重复的号码'))
    await userEvent.type(screen.getByLabelText('活动 ID（可选）'), 'camp-7')
    await userEvent.type(screen.getByLabelText('别名（可选）'), '催收包')
    await userEvent.click(screen.getByRole('button', { name: '上传' }))
    expect(
      await screen.findByText('已上传：批次 批次-20250106-1（b-42），3 条名单。 已去掉 1 条重复。'),
    ).toBeTruthy()
    const post = fetch.calls.find((c) => c.method === 'POST')!
    expect(post.path).toBe('/api/outbound/rosters')
    const [input, init] = vi
      .mocked(globalThis.fetch)
      .mock.calls.find(([, i]) => i?.method === 'POST')!
    const url = new URL(input as string, 'http://x')
    // The file as chosen, in the multipart field the relay reads.
    const sent = (init as RequestInit).body as FormData
    expect((sent.get('file') as File).name).toBe('list.csv')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      templateId: 'camp-7',
      alias: '催收包',
      dropDuplicates: 'true',
    })
    // The past uploads show the batch, linking to its robot calls.
    const table = await screen.findByRole('table', { name: '上传记录' })
    expect(within(table).getByText('b-42')).toBeTruthy()
    const link = within(table).getByRole('link', { name: '查看 批次-20250106-1 的外呼' })
    const href = new URL(link.getAttribute('href')!, 'http://x')
    expect(href.pathname).toBe('/calls')
    expect(href.searchParams.get('tab')).toBe('robot')
    expect(href.searchParams.get('batchId')).toBe('b-42')
    expect(href.searchParams.get('campaignId')).toBe('camp-7')
    expect(href.searchParams.get('from')).toBe('2025-01-06 00:00:00')
  })

  it('shows the lines the relay refused, as it does its own', async () => {
    fakeFetch({
      'GET /api/outbound/rosters': json(200, { uploads: [] }),
      'POST /api/outbound/rosters': json(400, {
        error: 'roster_invalid',
        message: 'line 2: number',
        bad: [{ line: 2, problem: 'number', text: '2,loan,1' }],
        badCount: 1,
        duplicates: [],
      }),
    })
    render()
    await choose('list.csv', GOOD)
    await userEvent.click(await screen.findByRole('button', { name: '上传' }))
    expect(await screen.findByText('服务器拒绝了这个文件')).toBeTruthy()
    expect(screen.getByText('第 2 行：号码不正确：应为 3–20 位数字，可带开头的 +')).toBeTruthy()
  })

  it('refuses a wrong kind of file, or one too large, without reading it', async () => {
    fakeFetch({ 'GET /api/outbound/rosters': json(200, { uploads: [] }) })
    render()
    const input = screen.getByLabelText('名单文件')
    // `accept` would stop the wrong kind in the picker; a drop is not filtered.
    await userEvent.upload(input, new File(['x'], 'list.xlsx'), { applyAccept: false })
    expect(
      await screen.findByText('list.xlsx 不是名单文件：只接受 .txt、.csv 或 .dat'),
    ).toBeTruthy()
    const huge = new File(['1,a,139'], 'big.txt')
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 })
    const text = vi.spyOn(huge, 'text')
    await userEvent.upload(input, huge)
    expect(await screen.findByText('big.txt 太大：名单文件最大 10 MB')).toBeTruthy()
    expect(text).not.toHaveBeenCalled()
    expect(screen.queryByRole('button', { name: '上传' })).toBeNull()
  })
})
