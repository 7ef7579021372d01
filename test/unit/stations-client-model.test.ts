import { describe, expect, it } from 'vitest'
import {
  circle,
  colourExpression,
  csvErrorsByLine,
  errorsByField,
  overall,
  ringsOf,
  waitParts,
} from '../../client/stations/model'
import { EMPTY_FORM, toInput } from '../../client/stations/form'
import type { RuleResult } from '../../client/stations/types'

const rule = (
  name: RuleResult['rule'],
  outcome: RuleResult['outcome'],
  values: Record<string, unknown> = {},
): RuleResult => ({ rule: name, outcome, values, message_vi: '', message_en: '' })

describe('the stations client model', () => {
  it('calls a set of results failed when any rule fails, and a warning only when none fails', () => {
    expect(overall([rule('spacing', 'warn'), rule('in_province', 'fail')])).toBe('fail')
    expect(overall([rule('spacing', 'warn'), rule('in_province', 'pass')])).toBe('warn')
    expect(overall([])).toBe('pass')
  })

  it('draws rings only for the distance rules that set a limit', () => {
    const rings = ringsOf([
      rule('spacing', 'fail', { limitM: 200 }),
      rule('must_share', 'pass', { limitM: 100 }),
      rule('spacing', 'warn', { limitM: null }),
      rule('a1_limits', 'pass', { limitM: 3 }),
    ])
    expect(rings).toEqual([
      { rule: 'spacing', radiusM: 200 },
      { rule: 'must_share', radiusM: 100 },
    ])
  })

  it('draws a ring whose every point lies at the radius from the centre', () => {
    const centre: [number, number] = [106.7009, 10.7769]
    const ring = circle(centre, 300).geometry.coordinates[0]!
    const haversine = ([lon, lat]: number[]) => {
      const rad = Math.PI / 180
      const dLat = (lat! - centre[1]) * rad
      const dLon = (lon! - centre[0]) * rad
      const a = Math.sin(dLat / 2) ** 2 + Math.cos(centre[1] * rad) * Math.cos(lat! * rad) * Math.sin(dLon / 2) ** 2
      return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a))
    }
    for (const p of ring) expect(haversine(p)).toBeCloseTo(300, 3)
    expect(ring[0]).toEqual(ring.at(-1))
  })

  it('colours unknown values grey and known ones from the palette', () => {
    const expr = colourExpression('operator', 'carrier')
    expect(expr[0]).toBe('match')
    expect(expr.at(-1)).toBe('#667085')
    expect(expr.indexOf('viettel')).toBeGreaterThan(0)
  })

  it('keys the server’s field errors by the form’s field names and joins two about one field', () => {
    expect(
      errorsByField([
        { path: 'body.mastHeightM', message: 'Too tall.' },
        { path: 'body.position.lat', message: 'Swapped.' },
        { path: 'body.mastHeightM', message: 'Really.' },
      ]),
    ).toEqual({
      mastHeightM: 'Too tall. Really.',
      'position.lat': 'Swapped.',
    })
  })

  it('groups a CSV import report by line, whole-file errors first', () => {
    const grouped = csvErrorsByLine([
      { path: 'line 4.mastHeightM', message: '"abc" is not a number.' },
      { path: 'body.csv', message: 'Too long.' },
      { path: 'line 2.siteCode', message: 'Taken.' },
      { path: 'line 4.position', message: 'Outside.' },
    ])
    expect(grouped.map((g) => g.line)).toEqual([null, 2, 4])
    expect(grouped[2]!.fields.map((f) => f.field)).toEqual(['mastHeightM', 'position'])
  })

  it('splits a wait into whole days and hours', () => {
    expect(waitParts(49.9)).toEqual([2, 1])
    expect(waitParts(-3)).toEqual([0, 0])
  })
})

describe('the application form', () => {
  it('needs a position, a site code and the building height of a mast on a building', () => {
    const { input, errors } = toInput({ ...EMPTY_FORM, mastHeightM: '15' }, null)
    expect(input).toBeNull()
    expect(errors).toEqual({ position: 'position', siteCode: 'required', buildingHeightM: 'required' })
  })

  it('reads heights typed with a Vietnamese decimal comma', () => {
    const { input } = toInput(
      { ...EMPTY_FORM, siteCode: 'HCM-1', mastHeightM: '12,5', buildingHeightM: '1.024,5' },
      [106.7, 10.78],
    )
    expect(input).toMatchObject({
      mastHeightM: 12.5,
      buildingHeightM: 1024.5,
      position: { crs: 'wgs84', lon: 106.7, lat: 10.78 },
    })
  })

  it('rejects text in a number field and leaves the building height off a mast on the ground', () => {
    expect(toInput({ ...EMPTY_FORM, siteCode: 'X1', mastHeightM: 'cao' }, [106.7, 10.78]).errors.mastHeightM).toBe(
      'number',
    )
    const ground = toInput(
      { ...EMPTY_FORM, siteCode: 'X1', mastClass: 'A2b', mastHeightM: '40', buildingHeightM: '20' },
      [106.7, 10.78],
    )
    expect(ground.input?.buildingHeightM).toBeNull()
  })

  it('asks a temporary station for its dates and a camouflaged one for its kind', () => {
    const { errors } = toInput(
      { ...EMPTY_FORM, siteCode: 'T1', mastClass: 'A1c', mastHeightM: '9', temporary: true },
      [106.7, 10.78],
    )
    expect(errors).toEqual({ camouflageKind: 'required', validFrom: 'required', validTo: 'required' })
  })
})
