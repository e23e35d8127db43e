import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { en } from '@/locales/en'
import { zh } from '@/locales/zh'
import type { UpstreamMessage } from '@/shared/upstream-messages'
import {
  NOT_CONFIGURED_MESSAGE,
  TIMEOUT_MESSAGE,
  UNREACHABLE_MESSAGE,
  loginFailedMessage,
  unsafeIdMessage,
  upstreamMessage,
} from '../csta/csta-messages'
import { UnsafeIdError } from './upstream-id'
import {
  SPLIT_UNKNOWN_MESSAGE,
  badAudioMessage,
  noCallMessage,
  unfitIdMessage,
  unknownRecordingMessage,
} from '../call-records/records-messages'
import { failureAnswer, noWavAnswer, redirectMessages } from './platform-messages'

const i18n = createInstance()
await i18n.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  interpolation: { escapeValue: false },
})

const CSTA: UpstreamMessage[] = [
  ...[401, 423, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460, 461, 462, 426, 500, 503].map(
    (status) => upstreamMessage(status, null),
  ),
  upstreamMessage(499, 'busy here'),
  loginFailedMessage(401, 'refused'),
  loginFailedMessage(0, 'no_session'),
  loginFailedMessage(502, 'failed'),
  TIMEOUT_MESSAGE,
  UNREACHABLE_MESSAGE,
  NOT_CONFIGURED_MESSAGE,
  unsafeIdMessage(new UnsafeIdError('deviceId', 'has a slash')),
]

const PLATFORM: UpstreamMessage[] = [
  ...[14001, 14002, 14003, 14004, 14011, 14012, 14013, 14015, 19999].map(
    (code) => failureAnswer({ kind: 'code', code, message: null, httpStatus: 200 }).messages,
  ),
  ...[400, 401, 500].map(
    (httpStatus) => failureAnswer({ kind: 'http', httpStatus, text: '' }).messages,
  ),
  failureAnswer({ kind: 'token', message: 'app id refused' }).messages,
  failureAnswer({ kind: 'timeout' }).messages,
  failureAnswer({ kind: 'unreachable', detail: 'ECONNREFUSED' }).messages,
  noWavAnswer({ kind: 'code', code: 14013, message: null, httpStatus: 200 }).messages,
  redirectMessages('other_origin', 'evil.example'),
  redirectMessages('too_many', null),
  SPLIT_UNKNOWN_MESSAGE,
  noCallMessage('call-1'),
  unfitIdMessage('callId', 'has a slash'),
  unknownRecordingMessage('rec-1'),
  badAudioMessage('not a WAV'),
  redirectMessages('no_location', null),
].map((m) => m as UpstreamMessage)

// Keys built from the relay's codes: the app's typed keys do not apply to this instance.
const t = i18n.t.bind(i18n) as unknown as (key: string, options: object) => string

describe('platform failures the relay words', () => {
  it('name each failure by a code the console words, the same as the relay in both languages', () => {
    for (const m of [...CSTA, ...PLATFORM]) {
      expect(m.code, m.en).toMatch(/^(csta|platform|redirect|records)\.\w+$/)
      for (const lng of ['zh', 'en'] as const) {
        const key = `upstream.${m.code}`
        expect(i18n.exists(key, { lng }), `${lng}:${key}`).toBe(true)
        expect(t(key, { lng, ...m.params }), `${lng}:${key}`).toBe(m[lng])
      }
    }
  })
})
