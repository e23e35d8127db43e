import type { TFunction } from 'i18next'
import type { ActionOp } from '@/shared/actions'
import type { Language } from '@/lib/i18n'
import { isApiError } from '@/lib/api-client'
import { upstreamText } from '@/lib/api-error-message'
import type { ActionResult } from '../api/run-action'
import type { SupervisorPhone } from './op-availability'
import { otherOnCallLine } from './others-on-call'

/**
 * What became of an action, kept as the relay answered it, so the notice is worded in the
 * language shown when it is read (the relay sends refusals in both).
 */
export interface ActionNotice {
  /** New for every notice, so a second one restarts the snackbar. */
  key: number
  op: ActionOp
  /** The agent as the tile names them. */
  agentName: string
  phone: SupervisorPhone
  outcome: { kind: 'answered'; result: ActionResult } | { kind: 'failed'; error: unknown }
}

export interface NoticeView {
  severity: 'success' | 'warning' | 'error'
  text: string
  /** The relay asked for the supervisor's extension or number: offer the profile. */
  profileLink: boolean
}

/** The notice in words: success, the relay's own refusal, or why no answer came. */
export function noticeView(notice: ActionNotice, t: TFunction, language: Language): NoticeView {
  const op = t(`actions.ops.${notice.op}`)
  const name = notice.agentName
  const outcome = notice.outcome
  if (outcome.kind === 'failed') {
    const e = outcome.error
    const message = !isApiError(e)
      ? String(e instanceof Error ? e.message : e)
      : e.error === 'network'
        ? t('errors.network')
        : e.error === 'csrf'
          ? t('errors.csrf')
          : e.message
    return {
      severity: 'error',
      text: t('actions.failed', { op, name, message }),
      profileLink: false,
    }
  }
  const r = outcome.result
  if (r.ok) {
    return {
      severity: 'success',
      text: t(`actions.done.${notice.op}`, {
        name,
        device: notice.phone.deviceId ?? '',
        number: notice.phone.phoneNumber ?? '',
      }),
      profileLink: false,
    }
  }
  // Another lead got onto the call first: said with the screen's words, naming them.
  const message =
    r.error === 'others_on_call' && r.others && r.others.length > 0
      ? t('presence.bargeRefused', {
          others: r.others.map((o) => otherOnCallLine(t, o)).join(t('presence.separator')),
        })
      : upstreamText(r.messages, language)
  return {
    // 409: not now, in this state (the call ended first); the rest: refused or broken.
    severity: r.status === 409 ? 'warning' : 'error',
    text: t('actions.refused', { op, name, message }),
    profileLink: r.error === 'profile_incomplete',
  }
}
