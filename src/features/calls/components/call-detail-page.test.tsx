// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { CallDetailPage } from './call-detail-page'

const cdr = {
  callId: 'call-1',
  ani: '13800000000',
  dnis: '4000',
  callType: '1',
  callTypeName: '呼入',
  beginTime: '2025-01-06 10:00:00',
  endTime: '2025-01-06 10:02:05',
  talkLength: 115.4,
  callLength: 125,
  conferenced: 0,
  transferred: 1,
  result: '接通',
  domain: 'test.cc',
  vendorExtra: 'kept',
}
const recording = {
  id: 'rec-1',
  callId: 'call-1',
  startTime: '2025-01-06 10:00:10',
  recordLength: 115.4,
  recordChannel: 2,
  recordType: '2',
  recordFormat: 'WAV',
  audioInMos: '4.10',
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function render(canHear: boolean, url = '/calls/call-1') {
  const renderPlayer = vi.fn(
    ({ recording: r, startAt }: { recording: { id: string }; startAt: number | null }) => (
      <p>
        player of {r.id} at {String(startAt)}
      </p>
    ),
  )
  renderRoutes(
    [
      {
        path: '/calls/:callId',
        element: (
          <CallDetailPage
            callId="call-1"
            canHear={canHear}
            roleLabel="只读"
            renderPlayer={renderPlayer}
          />
        ),
      },
    ],
    url,
  )
  return renderPlayer
}

describe('a call’s page', () => {
  it('shows every field in words: times, lengths, flags, and fields it has no name for', async () => {
    fakeFetch({
      'GET /api/calls/call-1': json(200, cdr),
      'GET /api/calls/call-1/recordings': json(200, []),
    })
    render(true)
    expect(await screen.findByText('总时长')).toBeTruthy()
    const value = (label: string) => screen.getByText(label).nextElementSibling?.textContent
    expect(value('总时长')).toBe('02:05')
    expect(value('会议通话')).toBe('否')
    expect(value('已转接')).toBe('是')
    expect(value('结束时间')).toBe('2025-01-06 10:02:05')
    expect(value('满意度')).toBe('—')
    expect(value('vendorExtra')).toBe('kept')
    expect(await screen.findByText('这个通话没有录音')).toBeTruthy()
  })

  it('names the agent who took the call in its header, not only the call id', async () => {
    fakeFetch({
      'GET /api/calls/call-1': json(200, {
        ...cdr,
        agentId: '5001@test.cc',
        agentName: '张伟',
        skillId: '7001@test.cc',
        skillName: '售前',
      }),
      'GET /api/calls/call-1/recordings': json(200, []),
    })
    render(true)
    expect(await screen.findByText('坐席：张伟（5001@test.cc）')).toBeTruthy()
    expect(screen.getByText(/技能组：售前/)).toBeTruthy()
    // Not repeated among the fields the page has no name for.
    expect(screen.queryByText('agentName')).toBeNull()
  })

  it('opens the recording a link names at its second', async () => {
    fakeFetch({
      'GET /api/calls/call-1': json(200, cdr),
      'GET /api/calls/call-1/recordings': json(200, [
        { ...recording, id: 'rec-0', recordType: '1' },
        recording,
      ]),
    })
    render(true, '/calls/call-1?rec=rec-1&t=42')
    expect(await screen.findByText('player of rec-1 at 42')).toBeTruthy()
  })

  it('lists the recordings for a role that may not hear them, says why, and has no player', async () => {
    fakeFetch({
      'GET /api/calls/call-1': json(200, cdr),
      'GET /api/calls/call-1/recordings': json(200, [recording]),
    })
    const renderPlayer = render(false)
    expect(
      await screen.findByText(/您的角色（只读）可以查看录音列表，但不能播放或下载录音/),
    ).toBeTruthy()
    expect(screen.getByRole('table', { name: '录音' }).textContent).toContain('4.10')
    expect(renderPlayer).not.toHaveBeenCalled()
  })

  it('says plainly when there is no such call', async () => {
    fakeFetch({
      'GET /api/calls/call-1': json(404, {
        error: 'not_found',
        message: 'no call call-1',
        messages: { zh: '没有找到通话 call-1', en: 'no call call-1' },
      }),
    })
    render(true)
    expect(await screen.findByText('没有找到这个通话')).toBeTruthy()
    expect(screen.getByText('没有找到通话 call-1')).toBeTruthy()
  })
})
