import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TileCache } from '../../server/tiles/cache'

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill)

describe('TileCache', () => {
  it('never holds more than its bytes, whatever is stored in whatever order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9_000 })), { maxLength: 200 }),
        (max, writes) => {
          const cache = new TileCache(max)
          for (const [k, n] of writes) {
            cache.set(`k${k}`, bytes(n))
            expect(cache.stats().bytes).toBeLessThanOrEqual(max)
          }
          const { entries, bytes: held } = cache.stats()
          expect(entries === 0).toBe(held === 0)
        },
      ),
    )
  })

  it('evicts the least recently used entry first', () => {
    const cost = 1000 + 2 * 2 + 128
    const cache = new TileCache(3 * cost)
    cache.set('a1', bytes(1000))
    cache.set('b1', bytes(1000))
    cache.set('c1', bytes(1000))
    expect(cache.get('a1')).toBeDefined() // a1 is now the most recently used
    cache.set('d1', bytes(1000))
    expect(cache.get('b1')).toBeUndefined()
    expect(['a1', 'c1', 'd1'].map((k) => cache.get(k)?.byteLength)).toEqual([1000, 1000, 1000])
    expect(cache.stats().bytes).toBe(3 * cost)
  })

  it('does not keep a tile larger than the whole cache, and replaces an entry in place', () => {
    const cache = new TileCache(2000)
    cache.set('big', bytes(5000))
    expect(cache.get('big')).toBeUndefined()
    cache.set('t', bytes(100, 1))
    cache.set('t', bytes(200, 2))
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 200 + 2 + 128 })
    expect(cache.get('t')![0]).toBe(2)
  })

  it('draws a missing tile once for concurrent requests, and not at all once cached', async () => {
    const cache = new TileCache(1 << 20)
    let renders = 0
    const render = async () => {
      renders++
      await new Promise((r) => setTimeout(r, 10))
      return bytes(10)
    }
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.getOrRender('k', render)))
    expect(renders).toBe(1)
    expect(answers.map((a) => a.hit)).toEqual([false, false, false, false, false])
    expect((await cache.getOrRender('k', render)).hit).toBe(true)
    expect(renders).toBe(1)
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 5 })
  })

  it('stores nothing when drawing fails, and draws again at the next request', async () => {
    const cache = new TileCache(1 << 20)
    await expect(cache.getOrRender('k', () => Promise.reject(new Error('statement timeout')))).rejects.toThrow()
    expect((await cache.getOrRender('k', async () => bytes(3))).body.byteLength).toBe(3)
  })
})
