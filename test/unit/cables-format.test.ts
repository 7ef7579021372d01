import { describe, expect, it } from 'vitest'
import { formatKm, formatVi } from '../../server/cables/format'

describe('Vietnamese number format', () => {
  it('groups thousands with dots and marks decimals with a comma', () => {
    expect(formatVi(147166)).toBe('147.166')
    expect(formatVi(3446.8, 1)).toBe('3.446,8')
    expect(formatVi(-1234567.25, 2)).toBe('-1.234.567,25')
  })
  it('writes kilometres with one decimal and no trailing ",0"', () => {
    expect(formatKm(295_000)).toBe('295')
    expect(formatKm(3_446_800)).toBe('3.446,8')
    expect(formatKm(3_446_849)).toBe('3.446,8')
  })
})
