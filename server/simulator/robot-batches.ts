import type { RosterEntry } from '../../src/shared/outbound'
import { formatQueryTime } from '../../src/shared/platform-time'
import { type Random, createRandom, hashString } from './random'
import {
  CALL_LEVELS,
  OUTSIDE_PREFIX,
  ROBOT_CAMPAIGNS,
  ROBOT_LINE,
  type RobotCall,
  pickResult,
} from './robot-calls'

const SECOND = 1_000
// The robots start on a new list a few seconds after it arrives, then dial one entry every
// 5 to 20 s (simulated): a list of 20 fills its batch in about five minutes.
const FIRST_DIAL_MS = { min: 3 * SECOND, max: 10 * SECOND }
const DIAL_GAP_MS = { min: 5 * SECOND, max: 20 * SECOND }
const RING_MS = { min: 5 * SECOND, max: 25 * SECOND }
const TALK_MS = { min: 20 * SECOND, max: 180 * SECOND }

/** Entries of one list the robots dial at most (the rest are taken, not dialled): ~7 h. */
export const BATCH_DIAL_MAX = 2_000
/** Lists kept, and their dialled entries in all (~0.5 KB each); the oldest lists go first. */
export const BATCHES_MAX = 50
export const BATCH_CALLS_MAX = 20_000

/** A campaign an uploaded list can go to: a campaign id, or a group's (its first campaign). */
export function campaignOfTemplate(templateId: string): string | null {
  if (ROBOT_CAMPAIGNS[templateId]) return templateId
  const inGroup = Object.entries(ROBOT_CAMPAIGNS).find(([, c]) => c.groupCampaignId === templateId)
  return inGroup?.[0] ?? null
}

/** The campaign a list without a templateId goes to: the tenant's first. */
export const DEFAULT_CAMPAIGN = Object.keys(ROBOT_CAMPAIGNS)[0]!

export interface Batch {
  batchId: string
  batchName: string
  campaignId: string
  alias: string | null
  calls: RobotCall[]
}

/**
 * The call lists uploaded to the robot campaigns (seed 003 §5.2), each a batch of robot
 * calls planned when it arrives: entry after entry, from a few seconds later. A call is in the
 * robot CDRs once it has ended in simulated time, so the batch fills as the clock runs (and
 * faster under `--speed`). Bounded: BATCHES_MAX lists, BATCH_CALLS_MAX calls in all.
 */
export class RobotBatches {
  private batches: Batch[] = []
  private callCount = 0
  private added = 0

  constructor(
    private readonly namespace: string,
    private readonly timeZone: string,
    private readonly seed: number,
  ) {}

  /**
   * Plans a batch of `campaignId` from the list's entries (duplicates kept: the platform does
   * not check them). `productId` names the batch: product id + timestamp, as §5.2.3 says.
   */
  add(
    campaignId: string,
    productId: string,
    alias: string | null,
    entries: readonly RosterEntry[],
    now: number,
  ): Batch {
    const campaign = ROBOT_CAMPAIGNS[campaignId]
    if (!campaign) throw new Error(`no campaign ${campaignId}`)
    const rng = createRandom(hashString(`${this.seed}|${Math.floor(now)}|batch ${this.added++}`))
    const stamp = formatQueryTime(now, this.timeZone).replace(/\D/g, '')
    const batch: Batch = {
      batchId: rng.uuid(),
      batchName: `${productId}${stamp}`,
      campaignId,
      alias,
      calls: [],
    }
    let at = now + uniform(rng, FIRST_DIAL_MS)
    for (const entry of entries.slice(0, BATCH_DIAL_MAX)) {
      const [resultCode, result] = pickResult(rng)
      const answered = resultCode === 0
      const ringMs = Math.round(uniform(rng, RING_MS))
      const talkMs = answered ? Math.round(uniform(rng, TALK_MS)) : 0
      const [conclusion, intent] = answered ? rng.pick(campaign.conclusions) : [null, null]
      const beginTime = Math.round(at)
      batch.calls.push({
        callId: rng.uuid(),
        campaignId,
        groupCampaignId: campaign.groupCampaignId,
        batchId: batch.batchId,
        batchName: batch.batchName,
        round: '1',
        rosterId: entry.rosterId,
        ani: `${ROBOT_LINE}@${this.namespace}`,
        dnis: `${OUTSIDE_PREFIX}${entry.number}@${this.namespace}`,
        resultCode,
        result,
        conclusion,
        intent,
        // The entry's own data (随路数据) and what it was, then what the robot concluded.
        uui: {
          ...entry.data,
          prdType: entry.prdType,
          ...(entry.customerId === null ? {} : { customerId: entry.customerId }),
          ...(answered
            ? { currentCallLevel: rng.pick(CALL_LEVELS), conclusion: conclusion ?? '' }
            : {}),
        },
        beginTime,
        answerTime: answered ? beginTime + ringMs : null,
        endTime: beginTime + ringMs + talkMs,
        talkLength: talkMs / 1000,
        chatBotTemplate: campaign.chatBotTemplate,
        ivrNo: campaign.ivrNo,
      })
      at += uniform(rng, DIAL_GAP_MS)
    }
    this.batches.push(batch)
    this.callCount += batch.calls.length
    while (
      this.batches.length > BATCHES_MAX ||
      (this.callCount > BATCH_CALLS_MAX && this.batches.length > 1)
    ) {
      this.callCount -= this.batches.shift()!.calls.length
    }
    return batch
  }

  /** The uploaded lists' calls of `campaignId` that began in [from, to) and ended by `now`. */
  calls(campaignId: string, from: number, to: number, now: number): RobotCall[] {
    const out: RobotCall[] = []
    for (const b of this.batches) {
      if (b.campaignId !== campaignId) continue
      for (const c of b.calls)
        if (c.beginTime >= from && c.beginTime < to && c.endTime <= now) out.push(c)
    }
    return out
  }

  get size(): { batches: number; calls: number } {
    return { batches: this.batches.length, calls: this.callCount }
  }
}

const uniform = (rng: Random, span: { min: number; max: number }) => rng.uniform(span.min, span.max)
