import type { WriteBatcher } from '../db/write-batcher'
import type { CaptureRepo, CapturedWebhook } from './capture.repo'

/**
 * Field diagnostics (WEBHOOK_CAPTURE=on): the raw body of every webhook that passed the token
 * check, with its arrival time and answer, so a platform engineer can see exactly what a
 * tenant sends (`npm run webhooks -- export`). Written through the write batcher after the
 * answer is known, not awaited: diagnostics never hold the platform's answer back. When
 * capture is off the relay holds no WebhookCapture at all.
 */
export class WebhookCapture {
  constructor(
    private readonly repo: CaptureRepo,
    private readonly writes: WriteBatcher,
    private readonly onError: (err: unknown) => void,
  ) {}

  record(c: CapturedWebhook): void {
    this.writes.write((trx) => this.repo.insert(trx, c)).catch(this.onError)
  }

  /** Forgets what was received before `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number> {
    return this.repo.prune(before)
  }
}
