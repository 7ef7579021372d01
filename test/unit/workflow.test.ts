import { describe, expect, it } from 'vitest'
import { actionsFrom, findStep, type Transition } from '../../server/workflow'

type S = 'a' | 'b' | 'c'
type A = 'go' | 'back' | 'auto'
const TABLE: readonly (Transition<S, A> & { system?: true })[] = [
  { from: 'a', action: 'go', roles: ['carrier'], to: 'b' },
  { from: 'b', action: 'go', roles: ['officer', 'carrier'], to: 'c' },
  { from: 'b', action: 'back', roles: ['officer'], to: 'a' },
  { from: 'b', action: 'back', roles: ['admin'], to: 'b' },
  { from: 'c', action: 'auto', roles: ['officer'], to: 'a', system: true },
]

describe('transition tables (server/workflow.ts)', () => {
  it('finds the row for a state, action and role', () => {
    expect(findStep(TABLE, 'b', 'go', 'officer')).toEqual({ ok: true, transition: TABLE[1] })
    expect(findStep(TABLE, 'b', 'back', 'admin')).toEqual({ ok: true, transition: TABLE[3] })
  })

  it("answers 'state' when the role may take the action elsewhere, 'role' when never", () => {
    expect(findStep(TABLE, 'a', 'back', 'officer')).toEqual({ ok: false, reason: 'state' })
    expect(findStep(TABLE, 'a', 'go', 'officer')).toEqual({ ok: false, reason: 'state' })
    expect(findStep(TABLE, 'a', 'go', 'inspector')).toEqual({ ok: false, reason: 'role' })
    expect(findStep(TABLE, 'b', 'back', 'carrier')).toEqual({ ok: false, reason: 'role' })
  })

  it('lists the actions from a state once each, in table order, without those never offered', () => {
    expect(actionsFrom(TABLE, 'b', 'officer')).toEqual(['go', 'back'])
    expect(actionsFrom(TABLE, 'b', 'carrier')).toEqual(['go'])
    expect(actionsFrom(TABLE, 'c', 'officer')).toEqual(['auto'])
    expect(actionsFrom(TABLE, 'c', 'officer', (t) => !t.system)).toEqual([])
    expect(actionsFrom(TABLE, 'a', 'officer')).toEqual([])
  })
})
