import { describe, expect, it } from 'vitest'
import { allowedActions, step, TRANSITIONS } from '../../server/stations/workflow'

describe('workflow transition table', () => {
  it('lets only an officer decide and only an inspector field-check', () => {
    expect(step('field_checked', 'approve', 'officer').ok).toBe(true)
    expect(step('field_checked', 'approve', 'inspector')).toEqual({ ok: false, reason: 'role' })
    expect(step('field_checked', 'approve', 'carrier')).toEqual({ ok: false, reason: 'role' })
    expect(step('submitted', 'field_check', 'officer')).toEqual({ ok: false, reason: 'role' })
    expect(step('draft', 'approve', 'officer')).toEqual({ ok: false, reason: 'state' })
    expect(step('draft', 'skip_field_check', 'carrier')).toEqual({ ok: false, reason: 'role' })
  })

  it('has one entry per state, action and role', () => {
    const keys = TRANSITIONS.flatMap((t) => t.roles.map((r) => `${t.from}/${t.action}/${r}`))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('puts a built station in service only through its inspection or an officer waiver (issue 13)', () => {
    const reachInService = TRANSITIONS.filter((t) => t.to === 'in_service').map((t) => `${t.from}/${t.action}`)
    expect(reachInService.sort()).toEqual(['built/pass_inspection', 'built/waive_inspection'])
    expect(step('built', 'report_in_service', 'carrier')).toMatchObject({ ok: true, transition: { to: 'built' } })
    expect(step('built', 'waive_inspection', 'carrier')).toEqual({ ok: false, reason: 'role' })
    expect(allowedActions('built', 'inspector')).not.toContain('pass_inspection')
    expect(allowedActions('built', 'officer')).toContain('waive_inspection')
  })
})
