import type { ErrorCode } from '@/shared/errors'
import type { UpstreamMessage } from '@/shared/upstream-messages'
import type { PlatformFailure } from '../platform/platform.client'
import { type FailureAnswer, failureAnswer, unknownCodeAnswer } from '../platform/platform-messages'

/*
 * What the platform's outbound services answer, in the console's words. Each service has its
 * own table: 14001 and 14002 mean "no extension" and "no customer number" to the double call
 * (seed 003 §6.5), but other things to the call records, whose table is platform-messages.ts.
 */

interface Known {
  status: number
  error: ErrorCode
  messages: UpstreamMessage
}

/** The double call's error codes (§6.5). */
const DOUBLE_CALL_CODES: Record<number, Known> = {
  14001: {
    status: 400,
    error: 'outbound_no_device',
    messages: {
      code: 'outbound.noDevice',
      zh: '平台没有收到要先呼叫的分机（deviceId 为空）',
      en: 'the platform received no extension to ring first (deviceId empty)',
    },
  },
  14002: {
    status: 400,
    error: 'outbound_no_customer_phone',
    messages: {
      code: 'outbound.noCustomerPhone',
      zh: '平台没有收到客户号码（dest 为空）',
      en: "the platform received no customer's number (dest empty)",
    },
  },
  14005: {
    status: 400,
    error: 'outbound_device_without_domain',
    messages: {
      code: 'outbound.deviceWithoutDomain',
      zh: '平台认为分机号不合法：缺少域名（应如 8001@test.cc）',
      en: 'the platform refused the extension: it lacks the domain (expected e.g. 8001@test.cc)',
    },
  },
  12008: {
    status: 503,
    error: 'outbound_no_cms',
    messages: {
      code: 'outbound.noCms',
      zh: '平台的呼叫服务（cms）没有可用实例，暂时无法外呼，请稍后再试',
      en: 'the platform has no call service (cms) running: no call can be placed now; try again later',
    },
  },
}

/** The call list upload's HTTP statuses (§5.2.6). */
const ROSTER_STATUSES: Record<number, Known> = {
  400: {
    status: 400,
    error: 'roster_bad_request',
    messages: {
      code: 'roster.badRequest',
      zh: '平台认为名单上传的请求参数错误',
      en: "the platform found the call list's request malformed",
    },
  },
  404: {
    status: 404,
    error: 'roster_not_found',
    messages: {
      code: 'roster.notFound',
      zh: '平台找不到服务或活动（请检查活动 id）',
      en: 'the platform found no such service or campaign (check the campaign id)',
    },
  },
  500: {
    status: 502,
    error: 'roster_server_error',
    messages: {
      code: 'roster.serverError',
      zh: '平台处理名单时发生内部错误',
      en: 'the platform failed on the call list (internal error)',
    },
  },
}

/** A failed double call (§6) as the console answers it. */
export function doubleCallFailure(f: PlatformFailure): FailureAnswer {
  const known = f.kind === 'code' ? DOUBLE_CALL_CODES[f.code] : undefined
  if (!known || f.kind !== 'code') return otherFailure(f)
  return answer(known, f.code, f.message)
}

/**
 * A failed call list upload (§5.2) as the console answers it. The seed gives HTTP statuses,
 * not business codes: the status counts, whether the body carries an `errorCode` or not.
 */
export function rosterFailure(f: PlatformFailure): FailureAnswer {
  const status = f.kind === 'http' || f.kind === 'code' ? f.httpStatus : null
  const known = status === null ? undefined : ROSTER_STATUSES[status]
  if (!known) return otherFailure(f)
  const code = f.kind === 'code' ? f.code : undefined
  const said = f.kind === 'code' ? f.message : f.kind === 'http' ? platformText(f.text) : null
  return answer(known, code, said)
}

/** A failed instant outbound call (§5.1): no table of its own in the seed. */
export function instantFailure(f: PlatformFailure): FailureAnswer {
  return otherFailure(f)
}

/**
 * A failure no table of the service names: a business code is told as a bare code (the call
 * records' table would word it as something else), the rest (token, timeout, redirect, an
 * unreachable platform, an HTTP error) as for every platform call.
 */
function otherFailure(f: PlatformFailure): FailureAnswer {
  return f.kind === 'code' ? unknownCodeAnswer(f.code, f.message) : failureAnswer(f)
}

/** The platform answered an instant outbound call with a result other than success. */
export function instantRefused(result: string, reason: string | null): FailureAnswer {
  const why = reason?.trim() || result
  const messages: UpstreamMessage = {
    code: 'outbound.instantRefused',
    params: { reason: why },
    zh: `平台没有发起外呼：${why}`,
    en: `the platform did not place the call: ${why}`,
  }
  return { status: 409, error: 'outbound_refused', message: messages.en, messages }
}

/** The platform's answer to an instant outbound call is not `{result, reason}`. */
export const INSTANT_MALFORMED: UpstreamMessage = {
  code: 'platform.malformedAnswer',
  zh: '平台对即时外呼的应答格式不正确（应为 {result, reason}）',
  en: "the platform's answer to the instant outbound call is not {result, reason}",
}

/** The platform's answer to a call list upload is not `{data: {batchId, batchName, alias}}`. */
export const ROSTER_MALFORMED: UpstreamMessage = {
  code: 'platform.malformedAnswer',
  zh: '平台对名单上传的应答格式不正确（应含 batchId、batchName）',
  en: "the platform's answer to the call list upload has no batchId and batchName",
}

/** The platform's answer to a double call is not `{callId}`. */
export const DOUBLE_CALL_MALFORMED: UpstreamMessage = {
  code: 'platform.malformedAnswer',
  zh: '平台对双呼的应答没有 callId',
  en: "the platform's answer to the call back has no callId",
}

function answer(known: Known, code: number | undefined, said: string | null): FailureAnswer {
  return {
    ...known,
    message: known.messages.en,
    ...(code !== undefined ? { platformCode: code } : {}),
    ...(said ? { platformMessage: said } : {}),
  }
}

/** The platform's own words in an error body that is not a business code (`{message: …}`). */
function platformText(text: string): string | null {
  try {
    const v = JSON.parse(text) as { errorMessage?: unknown; message?: unknown }
    const m = v.errorMessage ?? v.message
    return typeof m === 'string' && m.trim() ? m.trim().slice(0, 300) : null
  } catch {
    return text.trim() ? text.trim().slice(0, 300) : null
  }
}
