import { describe, expect, it } from 'vitest'
import { completedKmByGroup, periodFrom, yearEnds } from '../../client/cables/summary'

describe('summary charts', () => {
  const row = (group: string | null, kind: 'underground' | 'tidying', completedM: number) => ({
    group,
    groupName: null,
    kind,
    completedM,
    completedRoutes: 1,
    buildingRoutes: 0,
    buildingM: 0,
    completedPoles: 0,
    verifiedRoutes: 0,
    verifiedM: 0,
  })

  it('stacks completed kilometres by kind per group, biggest group first, and drops groups with none', () => {
    const bars = completedKmByGroup([
      row('760', 'underground', 1500),
      row('769', 'tidying', 4000),
      row('760', 'tidying', 500),
      row('770', 'tidying', 0),
    ])
    expect(bars).toEqual([
      { group: '769', values: [0, 4, 0, 0] },
      { group: '760', values: [1.5, 0.5, 0, 0] },
    ])
  })

  it('reads each year to its last day, and the current year to today', () => {
    expect(yearEnds('2016-05-02', 2014)).toEqual([
      { label: '2014', until: '2014-12-31' },
      { label: '2015', until: '2015-12-31' },
      { label: '2016', until: '2016-05-02' },
    ])
  })

  it('turns the picker into a period the API takes', () => {
    expect(periodFrom('quarter', 2018, 2, '2026-11-28')).toEqual({ period: 'quarter', year: 2018, quarter: 2 })
    expect(periodFrom('cumulative', 2018, 2, '2026-11-28')).toEqual({ period: 'cumulative', until: '2026-11-28' })
  })
})
