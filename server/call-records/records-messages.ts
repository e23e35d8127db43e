import type { UpstreamMessage } from '@/shared/upstream-messages'

/*
 * What the relay says of a call-record request it refuses itself, by a code the console words
 * (`upstream.records.*`) and the relay's own words in both languages, as for the platform's
 * failures (server/platform/platform-messages.ts).
 */

/** The platform spans two databases over the range and did not say where they part. */
export const SPLIT_UNKNOWN_MESSAGE: UpstreamMessage = {
  code: 'records.splitUnknown',
  zh: '查询跨越了平台的两个数据库，平台没有说明在哪里分开：请缩小时间范围',
  en: "the range spans two of the platform's databases and the platform did not say where they part: narrow the range",
}

export function noCallMessage(callId: string): UpstreamMessage {
  return {
    code: 'records.noCall',
    params: { callId },
    zh: `没有找到通话 ${callId}`,
    en: `no call ${callId}`,
  }
}

export function unfitIdMessage(field: string, problem: string): UpstreamMessage {
  return {
    code: 'records.unfitId',
    params: { field, problem },
    zh: `${field} 不能用于平台请求（${problem}）`,
    en: `${field}: ${problem}`,
  }
}

export function unknownRecordingMessage(id: string): UpstreamMessage {
  return {
    code: 'records.unknownRecording',
    params: { id },
    zh: `没有找到录音 ${id}（请从它所属的通话打开）`,
    en: `no recording ${id} (open it from its call)`,
  }
}

export function badAudioMessage(detail: string): UpstreamMessage {
  return {
    code: 'records.badAudio',
    params: { detail },
    zh: `无法读取录音音频（${detail}）`,
    en: `the recording's audio could not be read (${detail})`,
  }
}
