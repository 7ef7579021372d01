import { describe, expect, it } from 'vitest'
import { lagMs, parseLsn } from '../../server/db/replicas'

describe('WAL positions and replica lag', () => {
  it('orders WAL positions across the 4 GB boundary', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n)
    expect(parseLsn('1/0')).toBe(1n << 32n)
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true)
    expect(() => parseLsn('16B3748')).toThrow(/WAL position/)
  })

  const samples = [
    { at: 1_000, lsn: 100n },
    { at: 2_000, lsn: 100n },
    { at: 3_000, lsn: 250n },
    { at: 4_000, lsn: 400n },
  ]

  it('is 0 for a replica at the newest position, even on an idle primary', () => {
    expect(lagMs(samples, 400n, 9_000)).toBe(0)
    expect(lagMs(samples.slice(0, 2), 100n, 60_000)).toBe(0)
  })

  it('is the age of the oldest primary position the replica has not reached', () => {
    expect(lagMs(samples, 300n, 5_000)).toBe(1_000)
    expect(lagMs(samples, 100n, 5_000)).toBe(2_000)
    expect(lagMs(samples, 99n, 5_000)).toBe(4_000)
  })
})
