import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Signed links, as the platform's isDownload=2 redirect hands out (an object-store style
 * pre-signed URL): whoever holds the link may fetch that file, without the token, until
 * it expires. The key is new for every run of the simulator.
 */
export class UrlSigner {
  private readonly key = randomBytes(32)

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** `expires` (epoch seconds) and `signature` for `resource`. */
  sign(resource: string): { expires: string; signature: string } {
    const expires = String(Math.ceil((this.now() + this.ttlMs) / 1000))
    return { expires, signature: this.mac(resource, expires) }
  }

  verify(resource: string, expires: string | undefined, signature: string | undefined): boolean {
    if (expires === undefined || signature === undefined) return false
    if (Number(expires) * 1000 <= this.now()) return false
    const expected = Buffer.from(this.mac(resource, expires))
    const given = Buffer.from(signature)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  private mac(resource: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${resource}\n${expires}`).digest('base64url')
  }
}
