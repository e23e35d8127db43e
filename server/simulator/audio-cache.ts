/**
 * Generated recordings, least recently used first out, bounded by bytes. A file bigger
 * than the whole budget is served but not kept. Concurrent requests for a file being made
 * share the one promise, so a player's burst of range requests generates it once.
 */
export class AudioCache {
  private readonly files = new Map<string, Buffer>() // in use order, oldest first
  private readonly making = new Map<string, Promise<Buffer>>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  async get(key: string, make: () => Buffer | Promise<Buffer>): Promise<Buffer> {
    const kept = this.files.get(key)
    if (kept) {
      this.files.delete(key)
      this.files.set(key, kept)
      return kept
    }
    const pending = this.making.get(key)
    if (pending) return pending
    const made = (async () => make())().finally(() => this.making.delete(key))
    this.making.set(key, made)
    const file = await made
    this.keep(key, file)
    return file
  }

  get size(): { files: number; bytes: number } {
    return { files: this.files.size, bytes: this.bytes }
  }

  private keep(key: string, file: Buffer): void {
    if (file.length > this.maxBytes || this.files.has(key)) return
    this.files.set(key, file)
    this.bytes += file.length
    for (const [oldKey, old] of this.files) {
      if (this.bytes <= this.maxBytes) break
      this.files.delete(oldKey)
      this.bytes -= old.length
    }
  }
}
