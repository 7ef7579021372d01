import { describe, expect, it } from 'vitest'
import { changedFields, recordHref } from '../../client/admin/AuditDiff'
import { permitFromSearch, permitSearch } from '../../client/public/PermitResult'
import { monthStart } from '../../server/stations/worklists'

describe('the audit diff', () => {
  it('lists only the fields a change touched, with before and after', () => {
    expect(changedFields({ name: 'A', kind: 'mobile', mnc: '04' }, { name: 'B', kind: 'mobile', mnc: null })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'mnc', before: '04', after: 'null' },
    ])
  })

  it('shows a creation as every field from nothing', () => {
    expect(changedFields(null, { state: 'draft', ids: [1, 2] })).toEqual([
      { field: 'state', before: '—', after: 'draft' },
      { field: 'ids', before: '—', after: '[1,2]' },
    ])
  })

  it('links a record to its page, and a kind without one to nothing', () => {
    expect(recordHref('station', '42')).toBe('/stations/42')
    expect(recordHref('conversion_item', '7')).toBe('/conversions/items/7')
    expect(recordHref('station', 'x; drop')).toBeNull()
    expect(recordHref('session', '3')).toBeNull()
    expect(recordHref('station', '79', 'demo.load')).toBeNull()
    expect(recordHref('station', '79', 'approve')).toBe('/stations/79')
  })
})

describe("the permit checker's reference", () => {
  it('asks the same question again from its address', () => {
    const q = {
      at: [106.70123, 10.77654] as [number, number],
      where: 'building' as const,
      mastClass: 'A2a' as const,
      height: '12,5',
      building: '20',
    }
    expect(permitFromSearch(permitSearch(q))).toEqual(q)
    const ground = { ...q, where: 'ground' as const, mastClass: 'A2b' as const, building: '' }
    expect(permitSearch(ground)).not.toContain('b=')
    expect(permitFromSearch(permitSearch(ground))).toEqual(ground)
  })

  it('ignores an address that is not a whole question', () => {
    expect(permitFromSearch('')).toBeNull()
    expect(permitFromSearch('?lon=106.7&lat=10.7&where=roof&class=A1')).toBeNull()
    expect(permitFromSearch('?lon=abc&lat=10.7&where=ground&class=A2b')).toBeNull()
    expect(permitFromSearch('?lon=106.7&lat=10.7&where=ground&class=B9')).toBeNull()
  })
})

describe("the carrier's 'decided this month'", () => {
  it('starts the month in Vietnam, which begins at 17:00 UTC the day before', () => {
    expect(monthStart(new Date('2026-03-31T16:59:00Z')).toISOString()).toBe('2026-02-28T17:00:00.000Z')
    expect(monthStart(new Date('2026-03-31T17:00:00Z')).toISOString()).toBe('2026-03-31T17:00:00.000Z')
  })
})
