import type { UpstreamMessage } from '@/shared/upstream-messages'
import type { UnsafeIdError } from '../platform/upstream-id'

/**
 * What the platform's status codes for force operations mean (wellClient SDK, agent/state and
 * call control), in both languages: a supervisor is never shown a bare "failed".
 */
const BY_STATUS: Record<number, UpstreamMessage> = {
  401: {
    code: 'csta.serviceAccountRefused',
    zh: '平台拒绝了服务账号（用户名或密码错误）',
    en: 'the platform refused the service account (wrong user name or password)',
  },
  423: {
    code: 'csta.agentDisabled',
    zh: '该坐席已被禁用',
    en: 'the agent is disabled on the platform',
  },
  451: {
    code: 'csta.extensionNotRegistered',
    zh: '分机未注册',
    en: 'the extension is not registered',
  },
  452: {
    code: 'csta.unknownAgent',
    zh: '坐席工号不合法',
    en: 'the platform does not know this agent id',
  },
  453: {
    code: 'csta.unknownExtension',
    zh: '分机号不合法',
    en: 'the platform does not know this extension',
  },
  454: {
    code: 'csta.loggedInElsewhere',
    zh: '坐席已在其他地方登录',
    en: 'the agent is logged in elsewhere',
  },
  455: {
    code: 'csta.loggedInElsewhere',
    zh: '坐席已在其他地方登录',
    en: 'the agent is logged in elsewhere',
  },
  456: {
    code: 'csta.deviceState',
    zh: '设备状态不允许此操作（例如通话已结束）',
    en: 'the device is not in a state that allows this (for example the call has ended)',
  },
  457: {
    code: 'csta.deviceNotAllowed',
    zh: '无权使用该设备',
    en: 'not authorised to use this device',
  },
  458: { code: 'csta.alreadyLoggedOut', zh: '坐席已经签出', en: 'the agent is already logged out' },
  459: {
    code: 'csta.extensionTaken',
    zh: '分机正被其他坐席使用',
    en: 'the extension is used by another agent',
  },
  460: { code: 'csta.extensionBusy', zh: '分机正在通话中', en: 'the extension is busy in a call' },
  461: { code: 'csta.tooManyAgents', zh: '在线坐席数已达上限', en: 'too many agents are online' },
  462: {
    code: 'csta.allocationFailed',
    zh: '平台分配失败',
    en: 'the platform could not allocate the resource',
  },
}

/** Platform answers that mean "not now, in this state" rather than "broken": the console says 409. */
export const CONFLICT_STATUSES = new Set([456, 458, 460])

/**
 * A CSTA call answered 401 or 426 ("the session is gone") to the retry after a new login:
 * the service account's fresh session was refused too, so nothing was done.
 */
const SESSION_REFUSED_AGAIN: Record<number, UpstreamMessage> = {
  401: {
    code: 'csta.sessionRefused',
    zh: '平台拒绝了服务账号的会话：重新登录后仍被拒绝（401），操作未执行',
    en: 'the platform refused the service account’s session even after a new login (401); nothing was done',
  },
  426: {
    code: 'csta.sessionGone',
    zh: '平台的会话失效：重新登录后仍无法获取访问令牌（426），操作未执行',
    en: 'the platform’s session is gone: even after a new login it could not get an access token (426); nothing was done',
  },
}

export function upstreamMessage(status: number, platformText: string | null): UpstreamMessage {
  const known = SESSION_REFUSED_AGAIN[status] ?? BY_STATUS[status]
  if (known) return known
  if (status >= 500) {
    return {
      code: 'csta.platformFailed',
      params: { status },
      zh: `平台内部错误（${status}），请稍后再试`,
      en: `the platform failed (${status}); try again shortly`,
    }
  }
  const detail = platformText ? `: ${platformText.slice(0, 200)}` : ''
  return {
    code: 'csta.refused',
    params: { status, detail },
    zh: `平台拒绝了请求（${status}）${detail}`,
    en: `the platform refused the request (${status})${detail}`,
  }
}

/** The TPI login of the service account did not give a session. */
export function loginFailedMessage(
  status: number,
  problem: 'refused' | 'failed' | 'no_session',
): UpstreamMessage {
  switch (problem) {
    case 'refused':
      return BY_STATUS[401]!
    case 'no_session':
      return {
        code: 'csta.loginNoSession',
        zh: '平台的登录服务没有返回会话（sessionId），请检查 WELLCLOUD_CSTA_LOGIN_URL',
        en: 'the platform’s login answered without a sessionId; check WELLCLOUD_CSTA_LOGIN_URL',
      }
    case 'failed':
      return {
        code: 'csta.loginFailed',
        params: { status },
        zh: `平台的登录服务出错（${status}），请稍后再试`,
        en: `the platform’s login failed (${status}); try again shortly`,
      }
  }
}

export const TIMEOUT_MESSAGE: UpstreamMessage = {
  code: 'csta.timeout',
  zh: '平台没有及时响应，操作可能没有执行，请查看坐席状态后再试',
  en: 'the platform did not answer in time; the action may not have happened, check the agent before trying again',
}

export const UNREACHABLE_MESSAGE: UpstreamMessage = {
  code: 'csta.unreachable',
  zh: '无法连接平台的呼叫控制服务',
  en: 'the platform’s call-control service cannot be reached',
}

export const NOT_CONFIGURED_MESSAGE: UpstreamMessage = {
  code: 'csta.notConfigured',
  zh: '未配置平台的呼叫控制服务（WELLCLOUD_CSTA_URL 等）',
  en: 'the platform’s call-control service is not configured (WELLCLOUD_CSTA_URL and friends)',
}

/** An id the relay will not put in a CSTA URL; `field` leads the English text, as 400s do. */
export function unsafeIdMessage(err: UnsafeIdError): UpstreamMessage {
  return {
    code: 'csta.unsafeId',
    params: { field: err.field, problem: err.problem },
    zh: `${err.field} 不能用于平台请求（${err.problem}），未发送`,
    en: `${err.field}: ${err.problem}; nothing was sent to the platform`,
  }
}
