import type { RosterEntry } from '../../src/shared/outbound'
import { formatQueryTime } from '../../src/shared/platform-time'
import type { Clock } from './clock'
import { type Random, createRandom, hashString } from './random'
import type { Timer } from './timer-queue'
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
/** Lists kept, and their planned calls in all (~0.5 KB each); the oldest lists go first. */
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
  /** Calls that have ended, in order of ending. */
  calls: RobotCall[]
}

interface Dialling {
  batch: Batch
  entries: readonly RosterEntry[]
  rng: Random
  /** The next dial, and the calls under way. */
  timers: Set<Timer>
}

/**
 * The call lists uploaded to the robot campaigns (seed 003 §5.2). A list becomes a batch the
 * robots dial on the simulator's clock (so `--speed` plays it faster, as it does the floor):
 * the first entry a few seconds after the upload, then one every 5 to 20 s, several calls under
 * way at once. A call enters the batch, and the robot CDRs, when it ends. Bounded: BATCHES_MAX
 * lists, BATCH_CALLS_MAX planned calls in all; the oldest list goes first, its dialling stopped.
 */
export class RobotBatches {
  private dialling: Dialling[] = []
  private plannedCount = 0
  private added = 0

  constructor(
    private readonly clock: Clock,
    private readonly namespace: string,
    private readonly timeZone: string,
    private readonly seed: number,
  ) {}

  /**
   * Takes a list for `campaignId` (duplicates kept: the platform does not check them) and
   * starts dialling it. `productId` names the batch: product id + timestamp, as §5.2.3 says.
   */
  add(
    campaignId: string,
    productId: string,
    alias: string | null,
    entries: readonly RosterEntry[],
  ): Batch {
    if (!ROBOT_CAMPAIGNS[campaignId]) throw new Error(`no campaign ${campaignId}`)
    const now = this.clock.now()
    const rng = createRandom(hashString(`${this.seed}|${Math.floor(now)}|batch ${this.added++}`))
    const stamp = formatQueryTime(now, this.timeZone).replace(/\D/g, '')
    const batch: Batch = {
      batchId: rng.uuid(),
      batchName: `${productId}${stamp}`,
      campaignId,
      alias,
      calls: [],
    }
    const d: Dialling = { batch, entries: entries.slice(0, BATCH_DIAL_MAX), rng, timers: new Set() }
    this.dialling.push(d)
    this.plannedCount += d.entries.length
    while (
      this.dialling.length > BATCHES_MAX ||
      (this.plannedCount > BATCH_CALLS_MAX && this.dialling.length > 1)
    ) {
      this.drop(this.dialling[0]!)
    }
    this.after(d, uniform(rng, FIRST_DIAL_MS), () => this.dial(d, 0))
    return batch
  }

  /** Stops every list's dialling; the calls that ended stay. */
  stop(): void {
    for (const d of this.dialling) this.cancel(d)
  }

  /** The uploaded lists' calls of `campaignId` that began in [from, to) and ended by `now`. */
  calls(campaignId: string, from: number, to: number, now: number): RobotCall[] {
    const out: RobotCall[] = []
    for (const { batch } of this.dialling) {
      if (batch.campaignId !== campaignId) continue
      for (const c of batch.calls) {
        if (c.beginTime >= from && c.beginTime < to && c.endTime <= now) out.push(c)
      }
    }
    return out
  }

  get size(): { batches: number; planned: number } {
    return { batches: this.dialling.length, planned: this.plannedCount }
  }

  /** Dials entry `i`, and the next one after a gap; the call enters the batch when it ends. */
  private dial(d: Dialling, i: number): void {
    const entry = d.entries[i]
    if (!entry) return
    const { batch, rng } = d
    const campaign = ROBOT_CAMPAIGNS[batch.campaignId]!
    const beginTime = this.clock.now()
    const [resultCode, result] = pickResult(rng)
    const answered = resultCode === 0
    const ringMs = uniform(rng, RING_MS)
    const talkMs = answered ? uniform(rng, TALK_MS) : 0
    const [conclusion, intent] = answered ? rng.pick(campaign.conclusions) : [null, null]
    const level = answered ? rng.pick(CALL_LEVELS) : null
    this.after(d, ringMs + talkMs, () => {
      const endTime = this.clock.now()
      // Stamped on the clock as the floor's calls are: the ring's share of the call, then talk.
      const answerTime = answered
        ? Math.round(beginTime + ((endTime - beginTime) * ringMs) / (ringMs + talkMs))
        : null
      batch.calls.push({
        callId: rng.uuid(),
        campaignId: batch.campaignId,
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
          ...(level === null ? {} : { currentCallLevel: level, conclusion: conclusion ?? '' }),
        },
        beginTime: Math.round(beginTime),
        answerTime,
        endTime: Math.round(endTime),
        talkLength: answerTime === null ? 0 : Math.round(endTime - answerTime) / 1000,
        chatBotTemplate: campaign.chatBotTemplate,
        ivrNo: campaign.ivrNo,
      })
    })
    this.after(d, uniform(rng, DIAL_GAP_MS), () => this.dial(d, i + 1))
  }

  private after(d: Dialling, delayMs: number, fn: () => void): void {
    const timer = this.clock.schedule(delayMs, () => {
      d.timers.delete(timer)
      fn()
    })
    d.timers.add(timer)
  }

  private cancel(d: Dialling): void {
    for (const t of d.timers) this.clock.cancel(t)
    d.timers.clear()
  }

  private drop(d: Dialling): void {
    this.cancel(d)
    this.dialling = this.dialling.filter((x) => x !== d)
    this.plannedCount -= d.entries.length
  }
}

const uniform = (rng: Random, span: { min: number; max: number }) => rng.uniform(span.min, span.max)
