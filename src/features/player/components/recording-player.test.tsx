// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeFetch, json } from '@/testing/fake-fetch'
import { renderRoutes } from '@/testing/render-app'
import { RecordingPlayer } from './recording-player'

const PEAKS = '/api/recordings/rec-1/peaks'
const ANALYSIS = '/api/recordings/rec-1/analysis'

// jsdom has no media queries (the lane colours ask for the colour scheme).
function stubMatchMedia() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
  }))
}

const TWO_TRACK = {
  duration: 30,
  sampleRate: 8000,
  peaksPerSecond: 1,
  scale: 100,
  channels: [
    Array.from({ length: 30 }, (_, i) => (i % 3) * 30),
    Array.from({ length: 30 }, (_, i) => ((i + 1) % 3) * 30),
  ],
  source: 'wav',
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
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

  it('marks silences and cross-talk, gives the figures, and skips silences on request', async () => {
    localStorage.clear()
    stubMatchMedia()
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    // …and jsdom draws nothing: a canvas that takes every call.
    const canvas: object = new Proxy(() => undefined, {
      get: () => () => canvas,
      set: () => true,
    })
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(canvas as never)
    fakeFetch({
      [`GET ${PEAKS}`]: json(200, TWO_TRACK),
      [`GET ${ANALYSIS}`]: json(200, {
        duration: 30,
        channels: 2,
        source: 'wav',
        silenceSec: 5,
        silences: [{ start: 8, end: 14.2 }],
        crossTalk: [
          { start: 4.5, end: 6 },
          { start: 23.6, end: 25 },
        ],
        talk: { agentSec: 14.5, customerSec: 10.2, agentShare: 0.587 },
        totals: { silenceSec: 6.2, longestSilenceSec: 6.2, crossTalkCount: 2, crossTalkSec: 2.9 },
      }),
    })
    render()
    const player = await screen.findByRole('region', { name: '录音播放器' })
    const glance = await within(player).findByRole('region', { name: '录音概览' })
    expect(within(glance).getByText('坐席 59% · 客户 41%')).toBeTruthy()
    expect(within(glance).getByText('静音合计（超过 5 秒）')).toBeTruthy()
    expect(within(glance).getAllByText('00:06').length).toBeGreaterThan(0) // total and longest
    expect(within(glance).getByText('2 次 · 00:02')).toBeTruthy()
    const marks = within(glance).getByRole('list', { name: '静音与抢话位置' })
    expect(
      within(marks)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['抢话 00:04–00:06', '静音 00:08–00:14', '抢话 00:23–00:25'])

    const host = player.querySelector('[data-lanes]')!.firstElementChild!
    // The bands over the lanes: wavesurfer draws only those in view, so the view has a width.
    const bands = () =>
      [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[part~="region"]') ?? [])].map((r) =>
        r.getAttribute('part'),
      )
    await waitFor(() =>
      expect(bands()).toEqual(['region silence-0', 'region crossTalk-0', 'region crossTalk-1']),
    )
    const skip = within(player).getByRole('switch', { name: '跳过静音' })
    expect(skip).toHaveProperty('checked', false)
    await userEvent.click(skip)
    expect(skip).toHaveProperty('checked', true)
    expect(JSON.parse(localStorage.getItem('wellcloud.playerPrefs')!)).toEqual({
      skipSilence: true,
    })
    // From the keyboard too, with focus on the waveform: S.
    within(player).getByRole('slider', { name: '播放位置' }).focus()
    await userEvent.keyboard('s')
    expect(skip).toHaveProperty('checked', false)
  })

  it('says so when the recording has no long silence, and offers no skipping', async () => {
    stubMatchMedia()
    fakeFetch({
      [`GET ${PEAKS}`]: json(200, TWO_TRACK),
      [`GET ${ANALYSIS}`]: json(200, {
        duration: 30,
        channels: 2,
        source: 'wav',
        silenceSec: 5,
        silences: [],
        crossTalk: [],
        talk: { agentSec: 12, customerSec: 12, agentShare: 0.5 },
        totals: { silenceSec: 0, longestSilenceSec: 0, crossTalkCount: 0, crossTalkSec: 0 },
      }),
    })
    render()
    expect(await screen.findByText('没有超过 5 秒的静音，也没有抢话。')).toBeTruthy()
    expect(screen.getByRole('switch', { name: '跳过静音' })).toHaveProperty('disabled', true)
  })

  it('keeps the player when the analysis fails, and tries it again on request', async () => {
    stubMatchMedia()
    const fetch = fakeFetch({
      [`GET ${PEAKS}`]: json(200, TWO_TRACK),
      [`GET ${ANALYSIS}`]: json(502, {
        error: 'bad_audio',
        message: 'x',
        messages: { zh: '无法读取录音音频', en: 'x' },
      }),
    })
    render()
    expect(await screen.findByText(/无法分析录音。/)).toBeTruthy()
    expect(screen.getByText(/无法读取录音音频/)).toBeTruthy()
    expect(screen.getByRole('button', { name: '播放' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    await waitFor(() => expect(fetch.calls.filter((c) => c.path === ANALYSIS)).toHaveLength(2))
  })

  it('gives only silences for a one-track recording, and says why', async () => {
    stubMatchMedia()
    fakeFetch({
      [`GET ${PEAKS}`]: json(200, {
        ...TWO_TRACK,
        channels: [TWO_TRACK.channels[0]],
        source: 'mp3',
      }),
      [`GET ${ANALYSIS}`]: json(200, {
        duration: 30,
        channels: 1,
        source: 'mp3',
        silenceSec: 5,
        silences: [{ start: 8.14, end: 14.2 }],
        crossTalk: null,
        talk: null,
        totals: { silenceSec: 6.06, longestSilenceSec: 6.06, crossTalkCount: 0, crossTalkSec: 0 },
      }),
    })
    render()
    const glance = await screen.findByRole('region', { name: '录音概览' })
    expect(
      within(glance).getByText('这段录音只有单轨 MP3，只能找出双方都不说话的静音。'),
    ).toBeTruthy()
    expect(within(glance).getAllByText('单轨录音无法区分双方')).toHaveLength(2) // ratio, cross-talk
    const marks = within(glance).getByRole('list', { name: '静音与抢话位置' })
    expect(
      within(marks)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['静音 00:08–00:14'])
    expect(screen.getByRole('switch', { name: '跳过静音' })).toHaveProperty('disabled', false)
  })
})
