import { describe, expect, it } from 'vitest'
import { vietnamToday } from '../../server/time'

describe('vietnamToday', () => {
  it('is already the next day in Vietnam from 17:00 UTC', () => {
    expect(vietnamToday(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27')
    expect(vietnamToday(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28')
  })
})
