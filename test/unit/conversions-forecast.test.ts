import { describe, expect, it } from 'vitest'
import {
  addDays,
  cumulativeByMonth,
  forecastDate,
  recentPace,
  requiredPace,
  type DailyCount,
} from '../../server/conversions/forecast'

/** `perDay` completions every day from `from` for `days` days. */
function steady(from: string, days: number, perDay: number): DailyCount[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(from, i), count: perDay }))
}

describe('recent pace', () => {
  it('is the completions of the window divided by its days', () => {
    // 2 a day over the 180 days ending 2026-06-30, and older work that must not count.
    const history = [...steady('2025-01-01', 100, 9), ...steady(addDays('2026-06-30', -179), 180, 2)]
    expect(recentPace(history, '2026-06-30', 180)).toBe(2)
  })

  it('counts the last day of the window and not the day before its first', () => {
    const history = [
      { date: '2026-01-10', count: 30 },
      { date: '2025-12-31', count: 1000 },
    ]
    expect(recentPace(history, '2026-01-10', 10)).toBe(3)
  })

  it('is 0 when nothing was completed recently', () => {
    expect(recentPace([{ date: '2020-01-01', count: 500 }], '2026-01-01', 180)).toBe(0)
  })
})

describe('forecast completion date', () => {
  it('reaches 3,742 from 3,000 at 2 a day 371 days later', () => {
    expect(forecastDate(3_000, 3_742, 2, '2026-01-01')).toBe('2027-01-07')
  })

  it('rounds a part-day up: 10 left at 3 a day takes 4 days', () => {
    expect(forecastDate(90, 100, 3, '2026-02-26')).toBe('2026-03-02')
  })

  it('is today when the target is reached and never without a pace', () => {
    expect(forecastDate(1_475, 1_475, 0, '2026-05-05')).toBe('2026-05-05')
    expect(forecastDate(1_000, 1_475, 0, '2026-05-05')).toBeNull()
  })
})

describe('pace needed to meet the deadline', () => {
  it('spreads what is left over the days to the deadline', () => {
    // 365 left and 365 days from 2024-12-31 to 2025-12-31.
    expect(requiredPace(3_377, 3_742, '2024-12-31', '2025-12-31')).toBe(1)
  })

  it('is 0 when done and null when the deadline has passed', () => {
    expect(requiredPace(1_475, 1_475, '2021-06-01', '2020-12-31')).toBe(0)
    expect(requiredPace(1_400, 1_475, '2020-12-31', '2020-12-31')).toBeNull()
  })
})

describe('burn-up series', () => {
  it('accumulates by month end, including work before the first month', () => {
    const history = [
      { date: '2016-12-20', count: 5 },
      { date: '2017-01-31', count: 2 },
      { date: '2017-03-01', count: 4 },
    ]
    expect(cumulativeByMonth(history, '2017-01-01', '2017-03-15')).toEqual([
      { month: '2017-01', done: 7 },
      { month: '2017-02', done: 7 },
      { month: '2017-03', done: 11 },
    ])
  })

  it('crosses the year end', () => {
    expect(cumulativeByMonth([], '2019-11-01', '2020-02-01').map((p) => p.month)).toEqual([
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
    ])
  })
})
