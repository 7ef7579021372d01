import { describe, expect, it } from 'vitest'
import { formatCount, formatNumber, formatUngrouped } from '../../shared/format'
import { formatVi } from '../../server/cables/format'
import { heightReason } from '../../server/conversions/transitions'
import { explainGeographic } from '../../server/coords/messages'

describe('one number formatter for the client and the server', () => {
  it('writes Vietnamese numbers with grouping dots and a decimal comma', () => {
    expect(formatNumber(3446.8, 'vi')).toBe('3.446,8')
    expect(formatNumber(1234.5, 'vi', 2)).toBe('1.234,5')
    expect(formatNumber(1234.5, 'en', 2)).toBe('1,234.5')
    expect(formatCount(147166, 'vi')).toBe('147.166')
    expect(formatUngrouped(1191912.345, 'vi', 2)).toBe('1191912,35')
  })

  it('never writes a negative zero', () => {
    expect(formatNumber(-0.001, 'vi', 0)).toBe('0')
    expect(formatVi(-0.004, 2)).toBe('0,00')
    expect(formatVi(-1234567.25, 2)).toBe('-1.234.567,25')
  })

  it('groups thousands in the failed height check reason as everywhere else (1.234,5, not 1234,5)', () => {
    expect(heightReason(1234.5, 1200, 0.5, 34.5)).toBe(
      'Chiều cao đo được 1.234,5 m vượt chiều cao mục tiêu 1.200 m 34,5 m (dung sai 0,5 m). / ' +
        'Measured height 1,234.5 m exceeds the 1,200 m target by 34.5 m (tolerance 0.5 m).',
    )
  })

  it('writes coordinates in the explanations with the same rule', () => {
    const m = explainGeographic(106.70098, 10.77689, false, 'wgs84', null)
    expect(m.vi).toContain('kinh độ 106,70098°, vĩ độ 10,77689°')
    expect(m.en).toContain('longitude 106.70098°, latitude 10.77689°')
  })
})
