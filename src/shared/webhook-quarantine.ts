import * as z from 'zod/mini'

/*
 * The webhook quarantine: bodies the platform sent with a valid token that the relay could
 * not apply (400, 413). They are kept so no event is lost for good: an admin sees why, and
 * replays one once the relay can take it (after an upgrade, a clock or setting fixed).
 */

/** Entries per page of `GET /api/webhooks/quarantine`: the default and the most. */
export const QUARANTINE_PAGE_SIZE = 20
export const QUARANTINE_PAGE_MAX = 100
/**
 * Longest body an entry of the list carries, characters: a callEnd may be up to 1 MB, and a
 * page of them would be too. The whole body is at `GET /api/webhooks/quarantine/{id}/body`.
 */
export const QUARANTINE_LIST_BODY_CHARS = 64 * 1024

export const quarantineQuerySchema = z.object({
  limit: z._default(
    z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(QUARANTINE_PAGE_MAX))),
    QUARANTINE_PAGE_SIZE,
  ),
  offset: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(0))), 0),
})
export type QuarantineQuery = z.input<typeof quarantineQuerySchema>

/** What a successful replay did: as the webhook's 200 (or 202) would have said. */
export const REPLAY_RESULTS = ['applied', 'stale', 'duplicate', 'ignored'] as const
export type ReplayResult = (typeof REPLAY_RESULTS)[number]

/** One refused webhook body, as admins see it. */
export const quarantineEntrySchema = z.object({
  id: z.number(),
  /** When the relay received it, epoch ms. */
  receivedAt: z.number(),
  /** Its `eventName` (first 64 characters), or null when it had none (or was not JSON). */
  eventName: z.nullable(z.string()),
  /** The webhook's answer: 400 or 413. */
  status: z.number(),
  /** Why it could not be applied (the webhook's 400 message; the latest, after a replay). */
  reason: z.string(),
  /** The body exactly as sent (the first QUARANTINE_LIST_BODY_CHARS of it in a list). */
  body: z.string(),
  /** Bytes as received; null when a body too large to read came without a length. */
  bytes: z.nullable(z.number()),
  /** False when the body was too large to read (over 1 MB): only the trace is kept. */
  bodyKept: z.boolean(),
  /** True when `body` here is only the start of the whole body. */
  bodyTruncated: z.boolean(),
  /**
   * How often this very body came while it waited (the platform retries a refused callEnd,
   * seed 003 §7.2.1): kept once, counted here.
   */
  times: z.number(),
  /** When it last came, epoch ms. */
  lastReceivedAt: z.number(),
  /** When it was replayed and applied, epoch ms; null while it waits. */
  replayedAt: z.nullable(z.number()),
  replayedBy: z.nullable(z.string()),
  replayResult: z.nullable(z.enum(REPLAY_RESULTS)),
})
export type QuarantineEntry = z.output<typeof quarantineEntrySchema>

/** `GET /api/webhooks/quarantine`: one page, newest first. */
export const quarantinePageSchema = z.object({
  /** Entries kept (replayed ones too). */
  total: z.number(),
  /** Entries not replayed yet. */
  pending: z.number(),
  /** Entries the bound pushed out, oldest first, since the tenant's first. */
  dropped: z.number(),
  entries: z.array(quarantineEntrySchema),
})
export type QuarantinePage = z.output<typeof quarantinePageSchema>

/** `POST /api/webhooks/quarantine/{id}/replay` when the event now applies. */
export const replayAnswerSchema = z.object({
  result: z.enum(REPLAY_RESULTS),
  entry: quarantineEntrySchema,
})
export type ReplayAnswer = z.output<typeof replayAnswerSchema>

/** The quarantine's count on `GET /api/health/details`, for the admin's tenant. */
export const quarantineSummarySchema = z.object({
  total: z.number(),
  pending: z.number(),
  dropped: z.number(),
})
export type QuarantineSummary = z.output<typeof quarantineSummarySchema>
