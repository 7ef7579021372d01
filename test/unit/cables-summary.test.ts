import { describe, expect, it } from 'vitest'
import { periodOf, sentence } from '../../server/cables/summary'

describe('the officers sentence', () => {
  it('reads like the report, with the period first', () => {
    const period = periodOf({ period: 'year', year: 2018, groupBy: 'none' })
    const s = sentence(period, {
      undergroundRoutes: 122,
      undergroundM: 295_000,
      undergroundBuilding: 31,
      tidyingRoutes: 9000,
      tidyingM: 3_446_800,
      tidyingPoles: 147_166,
    })
    expect(s.vi).toBe(
      'Năm 2018: các đơn vị đã triển khai ngầm hóa mạng cáp viễn thông được 122 tuyến công trình, ' +
        'tương đương chiều dài 295 km; đang tiếp tục thi công 31 tuyến; ' +
        'tổng khối lượng chiều dài tuyến dây thông tin được thực hiện chỉnh trang là 3.446,8 km trên 147.166 trụ điện.',
    )
  })
  it('turns quarters into their dates', () => {
    expect(periodOf({ period: 'quarter', year: 2018, quarter: 1, groupBy: 'none' })).toMatchObject({
      from: '2018-01-01',
      to: '2018-03-31',
    })
    expect(periodOf({ period: 'quarter', year: 2016, quarter: 4, groupBy: 'none' })).toMatchObject({
      from: '2016-10-01',
      to: '2016-12-31',
    })
    expect(periodOf({ period: 'cumulative', until: '2018-06-30', groupBy: 'none' })).toMatchObject({
      from: null,
      to: '2018-06-30',
    })
  })
})
