import { describe, expect, it } from 'vitest'
import { allowedActions, transition, TRANSITIONS } from '../../server/cables/workflow'
import { statusMoves } from '../../client/cables/model'

describe('what a user may do with a cable route (server/cables/workflow.ts)', () => {
  it('offers a carrier the next construction step but never acceptance', () => {
    expect(allowedActions('planned', 'carrier', false)).toEqual(['under_construction', 'edit', 'delete'])
    expect(allowedActions('completed', 'carrier', false)).toEqual([])
  })

  it('lets a carrier delete a planned route only while no other carrier takes part; staff delete shared too', () => {
    expect(allowedActions('planned', 'carrier', true)).toEqual(['under_construction', 'edit', 'leave'])
    expect(allowedActions('planned', 'officer', true)).toEqual(['under_construction', 'edit', 'delete'])
  })

  it('lets a carrier leave a shared route in any status, and only a shared one', () => {
    expect(allowedActions('accepted', 'carrier', true)).toEqual(['leave'])
    expect(allowedActions('accepted', 'carrier', false)).toEqual([])
  })

  it('offers an officer acceptance first and sending back second', () => {
    expect(allowedActions('completed', 'officer', false)).toEqual(['accepted', 'under_construction', 'edit', 'delete'])
  })

  it('lets a carrier edit until completion and delete only a planned route; an inspector edits nothing', () => {
    expect(allowedActions('under_construction', 'carrier', false)).toEqual(['completed', 'planned', 'edit'])
    expect(allowedActions('planned', 'inspector', false)).toEqual([])
    expect(allowedActions('completed', 'inspector', false)).toEqual(['accepted', 'under_construction'])
    expect(allowedActions('accepted', 'officer', false)).toEqual(['edit', 'delete'])
  })

  it('leaves the client only the status moves, in the order the server gave', () => {
    expect(statusMoves(['accepted', 'under_construction', 'edit', 'delete'])).toEqual([
      'accepted',
      'under_construction',
    ])
  })
})

describe('the route transition table (server/cables/workflow.ts)', () => {
  it('allows only the transitions in the table', () => {
    expect(transition('planned', 'completed')).toBeUndefined()
    expect(transition('completed', 'accepted')?.roles).not.toContain('carrier')
    expect(TRANSITIONS.every((t) => t.from !== t.to)).toBe(true)
  })
})
