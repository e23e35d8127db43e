import { formatQueryTime } from '../../src/shared/platform-time'
import type { CallRecord, EndReason, Segment } from './call-model'

/*
 * CDRs as the CDR gateway serves them (seed 003 §4.4.2, §4.5.2), from the calls the
 * simulator ran. Codes and names the seed does not list are ours, after its one sample
 * (callType 2 自摘机, endType 4 呼叫流转, resultCode 1 用户忙).
 */

const CALL_TYPES = {
  Inbound: { code: 1, name: '呼入' },
  Outbound: { code: 2, name: '自摘机' }, // an agent dialling by hand, as in the seed's sample
} as const

const END_TYPES: Record<EndReason, { code: number; name: string }> = {
  CustomerHangup: { code: 1, name: '客户挂机' },
  AgentHangup: { code: 2, name: '坐席挂机' },
  QueueAbandon: { code: 3, name: '排队放弃' },
  NoAnswer: { code: 5, name: '无人接听' },
  ForceDrop: { code: 6, name: '强拆' },
  TransferFailed: { code: 7, name: '转接失败' },
}
const TRANSFERRED = { code: 4, name: '呼叫流转' } // the seed's sample: the call moved on

function endType(r: CallRecord): { code: number; name: string } {
  return r.transferred ? TRANSFERRED : END_TYPES[r.endReason]
}

function result(r: CallRecord): string {
  if (r.answerTime !== null) return '接通'
  return r.endReason === 'NoAnswer' ? '无人接听' : '放弃'
}

const first = (r: CallRecord, type: Segment['type']) => r.segments.find((s) => s.type === type)
const last = (r: CallRecord, type: Segment['type']) => r.segments.findLast((s) => s.type === type)

/** A list item of §4.5: numbers are numbers, times `yyyy-MM-dd HH:mm:ss`. */
export function cdrListItem(r: CallRecord, timeZone: string) {
  const type = CALL_TYPES[r.callType]
  const end = endType(r)
  return {
    callId: r.callId,
    callTypeName: type.name,
    callType: type.code,
    ani: r.ani,
    dnis: r.dnis,
    displayNumber: r.displayNumber,
    campaignName: null,
    groupCampaignName: null,
    batchName: null,
    customerRosterId: null,
    beginTime: formatQueryTime(r.startTime, timeZone),
    customerId: null,
    result: result(r),
    resultCode: r.resultCode,
    // A number, as in the seed's sample (its table says string).
    talkLength: r.talkLength,
    endTypeName: end.name,
    endType: end.code,
    // 随路数据: the IVR's service code, when the call came through it.
    c0: r.userData.serviceId ?? null,
    c1: null,
    c2: null,
  }
}

/**
 * One CDR of §4.4. The table types `callType`, `endType` as strings and `conferenced`,
 * `transferred` as int: we send the codes as strings and 0/1.
 */
export function cdrDetail(r: CallRecord, timeZone: string) {
  const time = (ms: number | null | undefined) =>
    ms === null || ms === undefined ? null : formatQueryTime(ms, timeZone)
  const type = CALL_TYPES[r.callType]
  const end = endType(r)
  const ivr = first(r, 'IVR')
  const station = first(r, 'Station')
  const queue = last(r, 'Queue')
  const queueMs = queue && queue.endTime !== null ? queue.endTime - queue.startTime : 0
  return {
    callId: r.callId,
    ani: r.ani,
    dnis: r.dnis,
    callType: String(type.code),
    callTypeName: type.name,
    trunkName: r.trunkName,
    trunkMember: r.callType === 'Inbound' ? r.dnis : r.displayNumber,
    beginTime: time(r.startTime),
    customerNo: r.customerPhone,
    customerAreaCode: r.customerAreaCode,
    customerRingLength: r.customerRingLength,
    // Inbound: the IVR answers the customer; outbound: the customer picks up.
    customerAnswerTime: time(r.callType === 'Inbound' ? ivr?.answerTime : r.answerTime),
    result: result(r),
    resultCode: r.resultCode,
    firstIvrNo: ivr?.deviceId ?? null,
    firstIvrAnswerTime: time(ivr?.answerTime),
    firstStationNo: station?.deviceId ?? null,
    firstStationRingTime: time(station?.startTime),
    firstStationAnswerTime: time(station?.answerTime),
    firstAgentNo: r.agentId,
    lastQueueNo: queue?.skillId ?? null,
    lastQueueLength: Math.round(queueMs / 1000),
    lastRoutePoint: last(r, 'RoutePoint')?.deviceId ?? null,
    endTime: time(r.endTime),
    endType: String(end.code),
    endTypeName: end.name,
    hangupDevice: r.hangupDevice,
    conferenced: r.conferenced ? 1 : 0,
    transferred: r.transferred ? 1 : 0,
    relateCall: null,
    domain: r.namespace,
    callLength: Math.round(r.endTime - r.startTime) / 1000,
    talkLength: r.talkLength,
    // The day partition the record lives in.
    timeId: formatQueryTime(r.startTime, timeZone).slice(0, 10).replaceAll('-', ''),
    displayNumber: r.displayNumber,
    batchName: null,
    customerRosterId: null,
    groupCampaignName: null,
    campaignName: null,
    satisfaction: null,
  }
}
