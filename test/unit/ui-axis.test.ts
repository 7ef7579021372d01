import { describe, expect, it } from 'vitest'
import { niceStep, valueAxis } from '../../client/ui/axis'

describe('chart axes', () => {
  it('picks round tick steps of 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(3446.8)).toBe(1000)
    expect(niceStep(295)).toBe(100)
    expect(niceStep(3742, 5)).toBe(1000)
    expect(niceStep(90, 5)).toBe(20)
    expect(niceStep(0)).toBe(1)
  })

  it('tops the axis at a whole number of steps above the largest value', () => {
    expect(valueAxis([295, 120])).toEqual({ max: 300, ticks: [0, 100, 200, 300] })
    expect(valueAxis([])).toEqual({ max: 1, ticks: [0, 1] })
  })
})
