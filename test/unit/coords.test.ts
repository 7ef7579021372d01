import { describe, expect, it } from 'vitest'
import {
  formatMeridian,
  inVietnam,
  kindOfPair,
  pointProblem,
  readingOf,
  roundFor,
} from '../../server/coords/plausibility'
import { explainGeographic, explainProjected, explainUnreadable } from '../../server/coords/messages'

const hcmc = { provinceName: 'Thành phố Hồ Chí Minh', centralMeridian: 105.75 }

describe('where a pair lands', () => {
  it('knows Vietnam from a swapped lat/lon', () => {
    expect(inVietnam([106.7, 10.78])).toBe(true)
    expect(inVietnam([10.78, 106.7])).toBe(false)
  })

  it('takes the Hoàng Sa and Trường Sa islands as Vietnam', () => {
    expect(inVietnam([112.73, 16.67])).toBe(true)
    expect(inVietnam([114.3, 8.6])).toBe(true)
  })

  it('rejects a point that could not be placed at all', () => {
    expect(inVietnam(null)).toBe(false)
  })

  it('names the reading that lands in Vietnam', () => {
    expect(readingOf([106.7, 10.78], [10.78, 106.7])).toBe('given')
    expect(readingOf([10.78, 106.7], [106.7, 10.78])).toBe('swapped')
    expect(readingOf([0, 0], null)).toBe('neither')
    expect(readingOf([113.8, 10.5], [114.3, 10.0])).toBe('both')
  })
})

describe('what a bare pair looks like', () => {
  it('calls two numbers within ±180 degrees', () => {
    expect(kindOfPair(106.7, 10.78)).toBe('geographic')
    expect(kindOfPair(10.78, 106.7)).toBe('geographic')
  })

  it('calls two large numbers metres, in either order', () => {
    expect(kindOfPair(603287, 1191912)).toBe('projected')
    expect(kindOfPair(1191912, 603287)).toBe('projected')
  })

  it('calls a mix of degrees and metres neither', () => {
    expect(kindOfPair(106.7, 1191912)).toBe('unknown')
    expect(kindOfPair(500, 10)).toBe('unknown')
  })
})

describe('formatting', () => {
  it('writes a meridian in degrees and minutes', () => {
    expect(formatMeridian(105.75)).toBe('105°45′')
    expect(formatMeridian(105.5)).toBe('105°30′')
    expect(formatMeridian(103)).toBe('103°00′')
  })

  it('rounds metres to the millimetre and degrees to 9 places', () => {
    expect(roundFor('vn2000-tm3', 603697.76246197)).toBe(603697.762)
    expect(roundFor('wgs84', 106.6982137430465)).toBe(106.698213743)
    expect(roundFor('vn2000-geo', 10.7810184913647)).toBe(10.781018491)
  })
})

describe('messages for a bad point', () => {
  it('proposes the lon/lat order for a swapped geographic point', () => {
    expect(pointProblem('wgs84', 'swapped', 10.78, 106.7)).toContain('Did you mean [106.7, 10.78]?')
  })

  it('proposes the easting/northing order for survey-order X, Y', () => {
    const m = pointProblem('vn2000-tm3', 'swapped', 1191912, 603287)
    expect(m).toContain('[northing, easting]')
    expect(m).toContain('Did you mean [603287, 1191912]?')
  })

  it('names the zone of a projected point outside Vietnam', () => {
    expect(pointProblem('vn2000-tm3', 'neither', 5, 5, 'the Thành phố Hồ Chí Minh zone (105°45′)')).toContain(
      'Hồ Chí Minh zone (105°45′)',
    )
  })

  it('gives the extent for a geographic point outside Vietnam', () => {
    expect(pointProblem('vn2000-geo', 'neither', 2.35, 48.85)).toContain('outside Vietnam')
  })
})

describe('explanations for the entry form', () => {
  it('says in Vietnamese, with Vietnamese numbers, that X came first', () => {
    const m = explainProjected(603287.5, 1191912, true, hcmc)
    expect(m.vi).toContain('thứ tự trắc địa X trước')
    expect(m.vi).toContain('X (hướng Bắc) = 1.191.912 m')
    expect(m.vi).toContain('Y (hướng Đông) = 603.287,5 m')
    expect(m.vi).toContain('105°45′')
    expect(m.en).toContain('X (northing) = 1,191,912 m')
  })

  it('says a geographic pair was read latitude first', () => {
    const m = explainGeographic(106.7, 10.78, true, 'wgs84', null)
    expect(m.vi).toContain('vĩ độ trước')
    expect(m.vi).toContain('kinh độ 106,7°')
    expect(m.en).toContain('latitude first')
    expect(m.en).toContain('Choose a province')
  })

  it('asks for the province when metres come without one', () => {
    expect(explainUnreadable('zone-needed').vi).toContain('chọn tỉnh')
  })
})
