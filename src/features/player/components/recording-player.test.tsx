// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { RecordingPlayer } from './recording-player'

const PEAKS = '/api/recordings/rec-1/peaks'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function render(loadTimeoutMs = 15_000) {
  return renderRoutes(
    [
      {
        path: '/',
        element: (
          <RecordingPlayer
            recordingId="rec-1"
            callId="call-1"
            startAt={null}
            canDownload
            loadTimeoutMs={loadTimeoutMs}
          />
        ),
      },
    ],
    '/',
  )
}

describe('the player', () => {
  it('says there is no recording when the relay has none (14013)', async () => {
    fakeFetch({
      [`GET ${PEAKS}`]: json(404, {
        error: 'no_recording',
        message: 'there is no recording',
        messages: { zh: '录音不存在', en: 'there is no recording' },
      }),
    })
    render()
    expect(await screen.findByText('录音不存在')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  })

  it('says the waveform failed, and tries again on request', async () => {
    const fetch = fakeFetch({
      [`GET ${PEAKS}`]: json(502, {
        error: 'upstream',
        message: 'the platform answered HTTP 500',
        messages: { zh: '平台返回 HTTP 500', en: 'x' },
      }),
    })
    render()
    expect(await screen.findByText('无法加载录音波形')).toBeTruthy()
    expect(screen.getByText('平台返回 HTTP 500')).toBeTruthy()
    // The answer stays slow now: the retry asks again and waits.
    fetch.on(`GET ${PEAKS}`, () => new Promise<Response>(() => undefined))
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('正在加载波形…')).toBeTruthy()
    expect(fetch.calls.filter((c) => c.path === PEAKS)).toHaveLength(2)
  })

  it('gives up waiting after the load timeout instead of spinning', async () => {
    fakeFetch({ [`GET ${PEAKS}`]: () => new Promise<Response>(() => undefined) })
    render(300)
    expect(screen.getByText('正在加载波形…')).toBeTruthy()
    expect(
      await screen.findByText('录音在 1 秒内没有加载完成', {}, { timeout: 2_000 }),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
  })

  it('says so when the recording cannot be streamed', async () => {
    fakeFetch({ [`GET ${PEAKS}`]: () => new Promise<Response>(() => undefined) })
    const { container } = render()
    const audio = container.querySelector('audio')
    // No format: the relay serves the WAV while the platform keeps it, else the MP3.
    expect(audio?.getAttribute('src')).toBe('/api/recordings/rec-1/audio')
    fireEvent.error(audio!)
    expect(await screen.findByText('无法播放录音')).toBeTruthy()
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
  })

  it('shows one lane and says why for a recording past the WAV window (MP3 only)', async () => {
    fakeFetch({
      [`GET ${PEAKS}`]: json(200, {
        duration: 3,
        sampleRate: 8000,
        peaksPerSecond: 10,
        scale: 100,
        channels: [[10, 40, 80, 20, 5, 60, 30, 10, 0, 50, 70, 20, 10, 5, 0, 30, 20, 10, 5, 0]],
        source: 'mp3',
      }),
    })
    // jsdom has no media queries (the lane colours ask for the colour scheme).
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
    }))
    render()
    expect(await screen.findByText('录音已超过双轨保存期，仅有单轨 MP3')).toBeTruthy()
    const player = screen.getByRole('region', { name: '录音播放器' })
    expect(within(player).getByText('坐席与客户')).toBeTruthy()
    expect(within(player).queryByText('坐席')).toBeNull()
    expect(within(player).queryByText('客户')).toBeNull()
    expect(within(player).queryByRole('link', { name: '下载 WAV' })).toBeNull()
    expect(within(player).getByRole('link', { name: '下载 MP3' })).toBeTruthy()
  })
})
