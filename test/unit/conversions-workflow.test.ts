import { describe, expect, it } from 'vitest'
import { heightExcess, step } from '../../server/conversions/workflow'

describe('the height check of a verification', () => {
  it.each([
    [12.5, 12, 0.5, 0],
    [12.51, 12, 0.5, 0.51],
    [11.2, 12, 0.5, 0],
    [12.1, 12, 0, 0.1],
  ])('measured %s m against %s m with tolerance %s m exceeds by %s m', (measured, target, tolerance, excess) => {
    expect(heightExcess(measured, target, tolerance)).toBe(excess)
  })
})

describe('the transition table', () => {
  it('lets only the carrier report, only the inspector verify, and answers why not', () => {
    expect(step('in_progress', 'report', 'carrier')).toEqual({ ok: true, to: 'reported' })
    expect(step('reported', 'verify', 'inspector')).toEqual({ ok: true, to: 'verified' })
    expect(step('reported', 'verify', 'carrier')).toEqual({ ok: false, reason: 'role' })
    expect(step('planned', 'verify', 'inspector')).toEqual({ ok: false, reason: 'state' })
    expect(step('verified', 'report', 'carrier')).toEqual({ ok: false, reason: 'state' })
  })
})
