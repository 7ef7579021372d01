// The tile cache: rendered tiles in memory, least recently used first out, bounded in bytes. A key names the
// layer, the audience, the tile and the data version it was drawn from (see service.ts), so a write never
// has to find and drop entries: the next request asks for the new version and the old one ages out.

/** What an entry costs beyond its bytes: the key, the map slot, the Buffer object. */
const ENTRY_OVERHEAD = 128

export interface TileCacheStats {
  entries: number
  bytes: number
  maxBytes: number
  hits: number
  misses: number
}

export class TileCache {
  private readonly entries = new Map<string, Buffer>()
  /** Renders under way, so clients asking for the same missing tile at once share one query. */
  private readonly pending = new Map<string, Promise<Buffer>>()
  private bytes = 0
  private hits = 0
  private misses = 0

  constructor(readonly maxBytes: number) {}

  private static cost(key: string, body: Buffer): number {
    return body.byteLength + key.length * 2 + ENTRY_OVERHEAD
  }

  /** The cached tile, marked as just used; undefined when absent. */
  get(key: string): Buffer | undefined {
    const body = this.entries.get(key)
    if (body === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, body)
    return body
  }

  /** Stores a tile, evicting the least recently used until the cache fits its bound again. */
  set(key: string, body: Buffer): void {
    const old = this.entries.get(key)
    if (old !== undefined) {
      this.entries.delete(key)
      this.bytes -= TileCache.cost(key, old)
    }
    const cost = TileCache.cost(key, body)
    if (cost > this.maxBytes) return
    this.entries.set(key, body)
    this.bytes += cost
    for (const [k, b] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= TileCache.cost(k, b)
    }
  }

  /** The cached tile, or the one `render` draws (stored, and shared with concurrent requests for the key). */
  async getOrRender(key: string, render: () => Promise<Buffer>): Promise<{ body: Buffer; hit: boolean }> {
    const cached = this.get(key)
    if (cached !== undefined) {
      this.hits++
      return { body: cached, hit: true }
    }
    this.misses++
    let running = this.pending.get(key)
    if (!running) {
      running = render().then(
        (body) => {
          this.pending.delete(key)
          this.set(key, body)
          return body
        },
        (err: unknown) => {
          this.pending.delete(key)
          throw err
        },
      )
      this.pending.set(key, running)
    }
    return { body: await running, hit: false }
  }

  stats(): TileCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    }
  }
}
