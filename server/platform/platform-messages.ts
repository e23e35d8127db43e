import type { Bilingual } from '@/shared/actions'
import type { UpstreamMessage } from '@/shared/upstream-messages'
import type { PlatformFailure } from './platform.client'
import { MAX_REDIRECTS, type RedirectProblem } from './upstream-fetch'

/** How the console answers a failed platform call: its own status, a code for the SPA, and words. */
export interface FailureAnswer {
  status: number
  error: string
  message: string
  /** With a code and parameters when it is a platform failure the SPA words itself. */
  messages: Bilingual | UpstreamMessage
  /** The platform's business code, when it gave one. */
  platformCode?: number
  /**
   * The platform's own `errorMessage`, word for word, shown beside the console's meaning: the
   * seed's examples do not always say what the code does (14001's example says "没有权限").
   */
  platformMessage?: string
}

const BY_CODE: Record<number, { status: number; error: string; messages: UpstreamMessage }> = {
  14001: {
    status: 400,
    error: 'range_too_large',
    // The seed states no maximum span: say what the code means, not a number.
    messages: {
      code: 'platform.rangeTooLarge',

      zh: '平台认为查询时间跨度过大，请缩小时间范围',
      en: 'the platform finds the time range too large; narrow it',
    },
  },
  14002: {
    status: 504,
    error: 'upstream_timeout',
    messages: {
      code: 'platform.timeoutNarrow',

      zh: '平台查询超时，请稍后再试或缩小范围',
      en: 'the platform timed out; try again or narrow the range',
    },
  },
  14003: {
    status: 504,
    error: 'upstream_timeout',
    messages: {
      code: 'platform.queryTimeout',
      zh: '平台查询超时，请稍后再试',
      en: 'the platform timed out; try again',
    },
  },
  14004: {
    status: 400,
    error: 'begin_after_end',
    messages: {
      code: 'platform.beginAfterEnd',
      zh: '开始时间不能晚于结束时间',
      en: 'the begin time is after the end time',
    },
  },
  14011: {
    status: 404,
    error: 'no_such_call',
    messages: {
      code: 'platform.noSuchCall',
      zh: '平台上没有这个通话',
      en: 'the platform has no such call',
    },
  },
  14012: {
    status: 404,
    error: 'no_recordings',
    messages: {
      code: 'platform.noRecordings',
      zh: '这个通话没有录音',
      en: 'this call has no recordings',
    },
  },
  14013: {
    status: 404,
    error: 'no_recording',
    messages: {
      code: 'platform.noRecording',
      zh: '录音不存在',
      en: 'there is no recording',
    },
  },
  14015: {
    status: 409,
    error: 'split_required',
    messages: {
      code: 'platform.splitRequired',

      zh: '查询跨越了平台的两个数据库，需要分成两段查询',
      en: "the range spans two of the platform's databases; it must be queried in two parts",
    },
  },
}

/** A business code the console has no meaning for: told as the bare code, beside the platform's words. */
export function unknownCodeAnswer(code: number, platformMessage: string | null): FailureAnswer {
  const messages: UpstreamMessage = {
    code: 'platform.code',
    params: { code },
    zh: `平台返回错误 ${code}`,
    en: `the platform answered error ${code}`,
  }
  return {
    status: 502,
    error: 'upstream',
    message: messages.en,
    messages,
    platformCode: code,
    ...(platformMessage ? { platformMessage } : {}),
  }
}

export function failureAnswer(f: PlatformFailure): FailureAnswer {
  switch (f.kind) {
    case 'code': {
      const said = f.message ? { platformMessage: f.message } : {}
      const known = BY_CODE[f.code]
      if (known) return { ...known, message: known.messages.en, platformCode: f.code, ...said }
      return unknownCodeAnswer(f.code, f.message)
    }
    case 'http': {
      const messages: UpstreamMessage =
        f.httpStatus === 400
          ? {
              code: 'platform.malformed',
              zh: '平台认为查询参数不合法',
              en: 'the platform found the query malformed',
            }
          : f.httpStatus === 401
            ? {
                code: 'platform.tokenRefused',
                zh: '平台拒绝了访问令牌',
                en: 'the platform refused the access token',
              }
            : {
                code: 'platform.http',
                params: { status: f.httpStatus },
                zh: `平台返回 HTTP ${f.httpStatus}`,
                en: `the platform answered HTTP ${f.httpStatus}`,
              }
      return { status: 502, error: 'upstream', message: messages.en, messages }
    }
    case 'token': {
      const messages: UpstreamMessage = {
        code: 'platform.noToken',
        params: { message: f.message },
        zh: '无法获取平台访问令牌（请检查 WELLCLOUD_APP_ID 等设置）',
        en: `no platform access token (${f.message}); check WELLCLOUD_APP_ID and friends`,
      }
      return { status: 502, error: 'upstream_token', message: messages.en, messages }
    }
    case 'timeout': {
      const messages: UpstreamMessage = {
        code: 'platform.timeout',
        zh: '平台没有及时响应，请稍后再试',
        en: 'the platform did not answer in time; try again',
      }
      return { status: 504, error: 'upstream_timeout', message: messages.en, messages }
    }
    case 'unreachable': {
      const messages: UpstreamMessage = {
        code: 'platform.unreachable',
        zh: '无法连接平台',
        en: 'the platform cannot be reached',
      }
      return { status: 502, error: 'upstream_unreachable', message: messages.en, messages }
    }
    case 'redirect': {
      const messages = redirectMessages(f.problem, f.target)
      return { status: 502, error: 'upstream_redirect', message: messages.en, messages }
    }
  }
}

/**
 * 14013 on the WAV stream of a recording asked for as WAV: §4.3 keeps the two-track WAV only
 * for the last X days, so the recording may well still play as MP3.
 */
export function noWavAnswer(f: PlatformFailure): FailureAnswer {
  const messages: UpstreamMessage = {
    code: 'platform.noWav',
    zh: '平台没有这段录音的双轨 WAV（可能已超过 WAV 保存期），请改用 MP3',
    en: 'the platform has no two-track WAV of this recording (it may be past the WAV window); ask for MP3',
  }
  return {
    status: 404,
    error: 'no_wav',
    message: messages.en,
    messages,
    platformCode: 14013,
    ...(f.kind === 'code' && f.message ? { platformMessage: f.message } : {}),
  }
}

/** What a refused redirect means, for the platform gateway and for CSTA alike. */
export function redirectMessages(problem: RedirectProblem, target: string | null): UpstreamMessage {
  switch (problem) {
    case 'other_origin':
      return {
        code: 'redirect.otherOrigin',
        params: { target: String(target) },
        zh: `平台把请求重定向到另一台主机（${target}），已拒绝`,
        en: `the platform redirected to another host (${target}): refused`,
      }
    case 'too_many':
      return {
        code: 'redirect.tooMany',
        params: { max: MAX_REDIRECTS },
        zh: `平台重定向超过 ${MAX_REDIRECTS} 次，已拒绝`,
        en: `the platform redirected more than ${MAX_REDIRECTS} times: refused`,
      }
    case 'no_location':
      return {
        code: 'redirect.noLocation',
        zh: '平台返回了没有有效地址的重定向，已拒绝',
        en: 'the platform answered a redirect without a usable Location: refused',
      }
  }
}
