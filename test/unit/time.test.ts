import { afterEach, describe, expect, it, vi } from 'vitest'
import { vietnamToday } from '../../server/time'
import { vietnamQuarter, vietnamToday as clientToday } from '../../client/time'
import { approveBody } from '../../client/stations/form'

// 06:30 on 28 November in Vietnam is 23:30 on 27 November in UTC.
const HALF_PAST_SIX_IN_HANOI = new Date('2026-11-27T23:30:00Z')

afterEach(() => {
  vi.useRealTimers()
})

describe('vietnamToday on the server', () => {
  it('is already the next day in Vietnam from 17:00 UTC', () => {
    expect(vietnamToday(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27')
    expect(vietnamToday(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28')
  })
})

describe("the client's default dates", () => {
  it("are Vietnam's calendar day at 06:30 Vietnam time", () => {
    vi.useFakeTimers({ now: HALF_PAST_SIX_IN_HANOI })
    expect(clientToday()).toBe('2026-11-28')
  })

  it("default an approval's decision date to Vietnam's day at 06:30 Vietnam time", () => {
    vi.useFakeTimers({ now: HALF_PAST_SIX_IN_HANOI })
    expect(approveBody(4, { decisionNo: '12/QĐ-STTTT' })).toEqual({
      action: 'approve',
      version: 4,
      decisionNo: '12/QĐ-STTTT',
      decisionDate: '2026-11-28',
    })
  })

  it('keep a decision date the officer typed', () => {
    vi.useFakeTimers({ now: HALF_PAST_SIX_IN_HANOI })
    expect(approveBody(4, { decisionNo: 'x', decisionDate: '2026-11-20' }).decisionDate).toBe('2026-11-20')
  })

  it("count quarters on Vietnam's calendar: 07:00 on 1 October there is the fourth quarter", () => {
    vi.useFakeTimers({ now: new Date('2026-10-01T00:00:00Z') })
    expect(vietnamQuarter()).toBe(4)
    expect(vietnamQuarter(new Date('2026-09-30T16:59:59Z'))).toBe(3)
  })
})
