import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  backoffMs,
  isDue,
  newEntry,
  nextRetryAt,
  QUEUE_STATES,
  QueueTransitionError,
  step,
  type QueueEntry,
  type QueueEvent,
} from '../../client/field/queue'

const conflict = { have: 3, sent: 2, current: { label: 'X', approved: { heightM: 33 } } }
const EVENTS: QueueEvent[] = [
  { type: 'send' },
  { type: 'sent' },
  { type: 'networkError', message: 'offline' },
  { type: 'refused', message: 'forbidden' },
  { type: 'conflict', conflict },
  { type: 'retry' },
  { type: 'rerecord' },
  { type: 'interrupted' },
]
const NOW = 1_800_000_000_000

describe('retry backoff', () => {
  it('doubles from 2 s and stops at 5 min (no spread at random = 0.5)', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 20, 1000].map((n) => backoffMs(n, 0.5))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 256_000, 300_000, 300_000, 300_000,
    ])
  })

  it('spreads ±25 % and never exceeds the cap or goes below three quarters of the plain wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const plain = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (n - 1))
        const wait = backoffMs(n, r)
        return wait <= BACKOFF_MAX_MS && wait >= Math.floor(plain * 0.75) && wait <= Math.ceil(plain * 1.25)
      }),
    )
  })
})

describe('the sync queue of a record made offline', () => {
  it('goes waiting → sending → done when the network is there', () => {
    let e = newEntry()
    expect(isDue(e, NOW)).toBe(true)
    e = step(e, { type: 'send' }, NOW)
    expect(e.state).toBe('sending')
    expect(isDue(e, NOW)).toBe(false)
    e = step(e, { type: 'sent' }, NOW)
    expect(e).toMatchObject({ state: 'done', attempts: 0, error: null, nextAttemptAt: null })
    expect(isDue(e, NOW + 1e9)).toBe(false)
  })

  it('retries a network failure by itself after a growing wait, and a refusal only when asked', () => {
    let e = step(step(newEntry(), { type: 'send' }, NOW), { type: 'networkError', message: 'offline' }, NOW, 0.5)
    expect(e).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: NOW + 2_000, error: 'offline' })
    expect(isDue(e, NOW + 1_999)).toBe(false)
    expect(isDue(e, NOW + 2_000)).toBe(true)
    e = step(step(e, { type: 'send' }, NOW), { type: 'networkError', message: 'offline' }, NOW, 0.5)
    expect(e).toMatchObject({ attempts: 2, nextAttemptAt: NOW + 4_000 })
    expect(nextRetryAt([newEntry(), e])).toBe(NOW + 4_000)

    const refused = step(step(newEntry(), { type: 'send' }, NOW), { type: 'refused', message: 'no' }, NOW)
    expect(refused).toMatchObject({ state: 'failed', nextAttemptAt: null })
    expect(isDue(refused, NOW + 1e12)).toBe(false)
    expect(nextRetryAt([refused])).toBeNull()
    expect(step(refused, { type: 'retry' }, NOW)).toMatchObject({ state: 'waiting', attempts: 0, error: null })
  })

  it('holds a conflict until the inspector records again, then sends with acceptChanged', () => {
    const c = step(step(newEntry(), { type: 'send' }, NOW), { type: 'conflict', conflict }, NOW)
    expect(c).toMatchObject({ state: 'conflict', conflict, acceptChanged: false })
    expect(isDue(c, NOW + 1e12)).toBe(false)
    expect(() => step(c, { type: 'send' }, NOW)).toThrow(QueueTransitionError)
    expect(() => step(c, { type: 'retry' }, NOW)).toThrow(QueueTransitionError)
    const again = step(c, { type: 'rerecord' }, NOW)
    expect(again).toMatchObject({ state: 'waiting', acceptChanged: true, conflict })
    expect(isDue(again, NOW)).toBe(true)
  })

  it('sends again a record whose page closed mid-send', () => {
    const cut = step(step(newEntry(), { type: 'send' }, NOW), { type: 'interrupted' }, NOW)
    expect(cut.state).toBe('waiting')
  })

  it('never reaches a state outside the five, and refuses exactly the events its state does not take', () => {
    const accepts: Record<string, string[]> = {
      waiting: ['send'],
      sending: ['sent', 'networkError', 'refused', 'conflict', 'interrupted'],
      done: [],
      failed: ['send', 'retry'],
      conflict: ['rerecord'],
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: EVENTS.length - 1 }), { maxLength: 40 }), (picks) => {
        let e: QueueEntry = newEntry()
        for (const i of picks) {
          const event = EVENTS[i]!
          const allowed = accepts[e.state]!.includes(event.type)
          try {
            e = step(e, event, NOW)
            if (!allowed) return false
          } catch (err) {
            if (allowed || !(err instanceof QueueTransitionError)) return false
          }
          if (!QUEUE_STATES.includes(e.state)) return false
        }
        return true
      }),
    )
  })
})
