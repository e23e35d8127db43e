import { TZDate } from '@date-fns/tz'
import { formatQueryTime } from '../../src/shared/platform-time'
import { mobileNumber } from './names'
import { type Random, createRandom, hashString } from './random'

export interface Campaign {
  name: string
  groupCampaignId: string
  chatBotTemplate: string
  ivrNo: string
  callsPerDay: number
  /** Business conclusions of answered calls, with what the customer said. */
  conclusions: ReadonlyArray<readonly [conclusion: string, intent: string]>
}

/**
 * The robot campaigns the simulated tenant runs. The call center has no robots, so these
 * calls are drawn per campaign and day from a seed of both: the same query always finds
 * the same calls, and they are there for any past day without having been played.
 */
export const ROBOT_CAMPAIGNS: Readonly<Record<string, Campaign>> = {
  'camp-01': {
    name: '账单提醒',
    groupCampaignId: 'group-01',
    chatBotTemplate: '账单提醒话术v2',
    ivrNo: '9201',
    callsPerDay: 30,
    conclusions: [
      ['已承诺还款', '客户表示本周内还款'],
      ['已还款', '客户表示已经还清'],
      ['需人工跟进', '客户对账单金额有疑问'],
      ['拒绝', '客户拒绝沟通'],
    ],
  },
  'camp-02': {
    name: '满意度回访',
    groupCampaignId: 'group-01',
    chatBotTemplate: '满意度回访话术v1',
    ivrNo: '9202',
    callsPerDay: 20,
    conclusions: [
      ['非常满意', '客户对服务非常满意'],
      ['满意', '客户对服务满意'],
      ['一般', '客户认为等待时间较长'],
      ['不满意', '客户对处理结果不满意'],
    ],
  },
}

// Dial results (resultCode, result) and how often each comes up, after the seed's 1 用户忙.
const RESULTS: ReadonlyArray<readonly [code: number, name: string, share: number]> = [
  [0, '接通', 0.55],
  [1, '用户忙', 0.1],
  [2, '无人接听', 0.25],
  [3, '关机', 0.06],
  [4, '空号', 0.04],
]
export const CALL_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] // uui currentCallLevel, as in the seed
/** The robots' line (the seed's example ani) and the outside-line prefix (its example dnis). */
export const ROBOT_LINE = '6001'
export const OUTSIDE_PREFIX = '9'
const HOUR_MS = 3_600_000
const DIALLING_FROM_H = 9 // the robots dial from 09:00 to 19:00, platform time
const DIALLING_HOURS = 10

/** A robot call: the §4.6.2 fields, plus what the query filters on (epoch ms times). */
export interface RobotCall {
  callId: string
  campaignId: string
  groupCampaignId: string
  batchId: string
  batchName: string
  round: string
  rosterId: string
  ani: string
  dnis: string
  resultCode: number
  result: string
  conclusion: string | null
  intent: string | null
  uui: Record<string, string>
  beginTime: number
  answerTime: number | null
  endTime: number
  /** Seconds, millisecond precision. */
  talkLength: number
  chatBotTemplate: string
  ivrNo: string
}

/** Robot calls of `campaignId` that began in [from, to) and ended by `now`, oldest first. */
export function robotCalls(
  campaignId: string,
  from: number,
  to: number,
  now: number,
  namespace: string,
  timeZone: string,
): RobotCall[] {
  const campaign = ROBOT_CAMPAIGNS[campaignId]
  if (!campaign) return []
  const out: RobotCall[] = []
  const start = new TZDate(from, timeZone)
  for (let d = 0; ; d++) {
    const dayStart = new TZDate(
      start.getFullYear(),
      start.getMonth(),
      start.getDate() + d,
      timeZone,
    )
    if (dayStart.getTime() >= to) break
    for (const call of dayOfCalls(campaignId, campaign, dayStart, namespace, timeZone)) {
      if (call.beginTime >= from && call.beginTime < to && call.endTime <= now) out.push(call)
    }
  }
  return out
}

function dayOfCalls(
  campaignId: string,
  c: Campaign,
  dayStart: TZDate,
  namespace: string,
  timeZone: string,
): RobotCall[] {
  const day = formatQueryTime(dayStart.getTime(), timeZone).slice(0, 10).replaceAll('-', '')
  const rng = createRandom(hashString(`${campaignId}|${day}`))
  const batchId = rng.uuid()
  const dialFrom = dayStart.getTime() + DIALLING_FROM_H * HOUR_MS
  const starts = Array.from({ length: c.callsPerDay }, () =>
    Math.round(dialFrom + rng.uniform(0, DIALLING_HOURS * HOUR_MS)),
  ).sort((a, b) => a - b)
  return starts.map((beginTime, i): RobotCall => {
    const [resultCode, result] = pickResult(rng)
    const ringMs = Math.round(rng.uniform(5_000, 25_000))
    const answered = resultCode === 0
    const talkMs = answered ? Math.round(rng.uniform(20_000, 180_000)) : 0
    const [conclusion, intent] = answered ? rng.pick(c.conclusions) : [null, null]
    return {
      callId: rng.uuid(),
      campaignId,
      groupCampaignId: c.groupCampaignId,
      batchId,
      batchName: `${c.name}-${day}`,
      round: rng.chance(0.15) ? '2' : '1',
      rosterId: String(i + 1),
      ani: `${ROBOT_LINE}@${namespace}`,
      dnis: `${OUTSIDE_PREFIX}${mobileNumber(rng)}@${namespace}`,
      resultCode,
      result,
      conclusion,
      intent,
      uui: answered
        ? { currentCallLevel: rng.pick(CALL_LEVELS), conclusion: conclusion ?? '' }
        : {},
      beginTime,
      answerTime: answered ? beginTime + ringMs : null,
      endTime: beginTime + ringMs + talkMs,
      talkLength: talkMs / 1000,
      chatBotTemplate: c.chatBotTemplate,
      ivrNo: c.ivrNo,
    }
  })
}

/** A dial result (resultCode, result), drawn at the shares robots get. */
export function pickResult(rng: Random): readonly [number, string] {
  let x = rng.next()
  for (const [code, name, share] of RESULTS) {
    if (x < share) return [code, name]
    x -= share
  }
  return [0, '接通']
}

/** A robot call as §4.6.2 lists it: times `yyyy-MM-dd HH:mm:ss`. */
export function robotCallJson(c: RobotCall, timeZone: string) {
  const time = (ms: number | null) => (ms === null ? null : formatQueryTime(ms, timeZone))
  return {
    callId: c.callId,
    callTypeName: '机器人外呼',
    ani: c.ani,
    dnis: c.dnis,
    batchId: c.batchId,
    batchName: c.batchName,
    round: c.round,
    rosterId: c.rosterId,
    beginTime: time(c.beginTime),
    endTime: time(c.endTime),
    customerAnswerTime: time(c.answerTime),
    result: c.result,
    conclusion: c.conclusion,
    intent: c.intent,
    talkLength: c.talkLength,
    chatBotTemplate: c.chatBotTemplate,
    ivrNo: c.ivrNo,
    campaignId: c.campaignId,
  }
}
