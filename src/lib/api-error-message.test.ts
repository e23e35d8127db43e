import { describe, expect, it } from 'vitest'
import { upstreamText } from './api-error-message'
import { loadLanguage } from './i18n'

describe('a platform failure the relay sent', () => {
  it('is worded with the page’s messages when the page knows its code', async () => {
    await loadLanguage('en')
    const sent = { code: 'csta.extensionBusy', zh: '（旧的说法）', en: '(older words)' }
    expect(upstreamText(sent, 'zh')).toBe('分机正在通话中')
    expect(upstreamText(sent, 'en')).toBe('the extension is busy in a call')
    const refused = {
      code: 'csta.refused',
      params: { status: 499, detail: ': busy' },
      zh: '',
      en: '',
    }
    expect(upstreamText(refused, 'zh')).toBe('平台拒绝了请求（499）: busy')
    const http = { code: 'platform.http', params: { status: 500 }, zh: '', en: '' }
    expect(upstreamText(http, 'en')).toBe('the platform answered HTTP 500')
  })

  it('keeps the relay’s own words for a code the page does not know, or none', () => {
    const newer = { code: 'csta.somethingNew', zh: '新的错误', en: 'something new' }
    expect(upstreamText(newer, 'zh')).toBe('新的错误')
    expect(upstreamText(newer, 'en')).toBe('something new')
    expect(upstreamText({ zh: '旧的中继', en: 'older relay' }, 'en')).toBe('older relay')
  })
})
