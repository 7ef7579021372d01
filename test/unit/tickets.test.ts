import { describe, expect, it } from 'vitest'
import { clientKey } from '../../server/tickets/limits'
import { newCheckCode } from '../../server/tickets/service'
import { reportBody } from '../../server/tickets/schemas'
import { allowedActions, step } from '../../server/tickets/workflow'

describe('1022 tickets: the pure rules', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64')
    expect(clientKey('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64')
    expect(clientKey('2001:DB8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
    expect(clientKey(undefined)).toBe('unknown')
  })

  it('makes check codes of six unambiguous letters and digits', () => {
    const codes = new Set(Array.from({ length: 500 }, newCheckCode))
    expect(codes.size).toBeGreaterThan(495)
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{6}$/)
  })

  it('names swapped coordinates and normalises the phone number', () => {
    const body = { category: 'pole_unsafe', description: 'Cột nghiêng', position: { lon: 10.8, lat: 106.7 } }
    const swapped = reportBody.safeParse(body)
    expect(swapped.success).toBe(false)
    expect(swapped.error?.issues.map((i) => i.message)).toContain('position.swapped_lonlat')
    const ok = reportBody.parse({ ...body, position: { lon: 106.7, lat: 10.8 }, contact: { phone: '0903 12.34-57' } })
    expect(ok.contact?.phone).toBe('0903123457')
  })

  it('lets only the office assign and the carrier answer; both resolve', () => {
    expect(step('received', 'assign', 'officer')).toEqual({ ok: true, to: 'assigned' })
    expect(step('received', 'assign', 'carrier')).toEqual({ ok: false, reason: 'role' })
    expect(step('resolved', 'respond', 'carrier')).toEqual({ ok: false, reason: 'state' })
    expect(step('in_progress', 'resolve', 'carrier')).toEqual({ ok: true, to: 'resolved' })
    expect(allowedActions('assigned', 'carrier').sort()).toEqual(['resolve', 'respond'])
    expect(allowedActions('received', 'inspector')).toEqual([])
  })
})
