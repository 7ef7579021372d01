import { describe, expect, it } from 'vitest'
import { periodOf } from '../../server/reports/period'
import { reportQuery } from '../../client/reports/api'

describe('report periods', () => {
  it('names quarters in Roman numerals, half years and years as the officers write them', () => {
    expect(periodOf({ period: 'quarter', year: 2018, quarter: 1 })).toEqual({
      kind: 'quarter',
      from: '2018-01-01',
      to: '2018-03-31',
      label: 'Quý I/2018',
    })
    expect(periodOf({ period: 'quarter', year: 2024, quarter: 4 }).to).toBe('2024-12-31')
    expect(periodOf({ period: 'quarter', year: 2024, quarter: 1 }).to).toBe('2024-03-31')
    expect(periodOf({ period: 'half', year: 2017, half: 1 })).toMatchObject({
      to: '2017-06-30',
      label: '6 tháng đầu năm 2017',
    })
    expect(periodOf({ period: 'half', year: 2017, half: 2 })).toMatchObject({
      from: '2017-07-01',
      label: '6 tháng cuối năm 2017',
    })
    expect(periodOf({ period: 'year', year: 2024 }).label).toBe('năm 2024')
    expect(periodOf({ period: 'range', from: '2024-02-01', to: '2024-02-29' }).label).toBe(
      'từ ngày 01/02/2024 đến ngày 29/02/2024',
    )
  })

  it('asks the server only for the fields the chosen period needs', () => {
    const base = { year: 2024, quarter: 2, half: 1, from: '2024-01-01', to: '2024-03-01', unitsOn: '' }
    expect(reportQuery({ ...base, period: 'quarter' })).toEqual({ period: 'quarter', year: '2024', quarter: '2' })
    expect(reportQuery({ ...base, period: 'range', unitsOn: '2020-06-01' })).toEqual({
      period: 'range',
      from: '2024-01-01',
      to: '2024-03-01',
      unitsOn: '2020-06-01',
    })
  })
})
