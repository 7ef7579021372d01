import { describe, expect, it } from 'vitest'
import { fromDmy, toDmy } from '../../client/ui/dateText'

describe('dates written dd/mm/yyyy', () => {
  it('shows YYYY-MM-DD as dd/mm/yyyy and leaves an empty value empty', () => {
    expect(toDmy('2026-02-28')).toBe('28/02/2026')
    expect(toDmy('')).toBe('')
  })

  it('reads what a person types: day first, any of / - . or spaces, or YYYY-MM-DD', () => {
    expect(fromDmy('28/02/2026')).toBe('2026-02-28')
    expect(fromDmy('1/2/2024')).toBe('2024-02-01')
    expect(fromDmy(' 01-02-2024 ')).toBe('2024-02-01')
    expect(fromDmy('1.2.2024')).toBe('2024-02-01')
    expect(fromDmy('2024-02-01')).toBe('2024-02-01')
  })

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(fromDmy('29/02/2026')).toBeNull()
    expect(fromDmy('31/04/2024')).toBeNull()
    expect(fromDmy('12/31/2024')).toBeNull()
    expect(fromDmy('28/02/26')).toBeNull()
    expect(fromDmy('')).toBeNull()
    expect(fromDmy('hôm nay')).toBeNull()
  })
})
