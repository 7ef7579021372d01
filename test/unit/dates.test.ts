import { describe, expect, it } from 'vitest'
import { isCalendarDate, isoDate } from '../../server/http/dates'
import { CATALOGUES } from '../../server/http/messages'

describe('calendar dates', () => {
  it('accepts dates that exist, leap days included', () => {
    const real = ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']
    for (const d of real) expect(isCalendarDate(d), d).toBe(true)
  })
  it('refuses impossible dates and other shapes', () => {
    const impossible = ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10']
    for (const d of [...impossible, '2026-2-3', '26-02-01', '2026-02-28T00:00', '']) {
      expect(isCalendarDate(d), d).toBe(false)
    }
  })
  it('gives the request schema a message that says what to write, in either language', () => {
    const result = isoDate.safeParse('2026-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('field.date_format')
    expect(CATALOGUES.en['field.date_format']()).toMatch(/exists.*YYYY-MM-DD/)
    expect(CATALOGUES.vi['field.date_format']()).toMatch(/có thật.*YYYY-MM-DD/)
  })
})
