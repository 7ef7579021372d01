import { describe, expect, it } from 'vitest'
import { checkFeatureCollection } from '../../server/boundaries/validation'

const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
})
const district = (
  code: unknown,
  name: unknown,
  geometry: unknown = square(106.7, 10.78),
  province: unknown = '79',
) => ({
  type: 'Feature',
  properties: { level1_id: province, level2_id: code, name },
  geometry,
})
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features })
const asDistricts = { level: 'district', provinceCode: '79' } as const

describe('boundary file checks', () => {
  it('accepts well-formed district features and carries their codes', () => {
    const result = checkFeatureCollection(fc(district('760', 'Quận 1'), district(770, 'Quận 3')), asDistricts)
    expect(result.ok && result.rejected).toEqual([])
    expect(result.ok && result.features.map((f) => [f.code, f.parentCode])).toEqual([
      ['760', '79'],
      ['770', '79'],
    ])
  })

  it('refuses input that is not a FeatureCollection as a whole', () => {
    for (const input of ['hello', null, [], { type: 'Feature' }, { type: 'FeatureCollection' }, fc()]) {
      const result = checkFeatureCollection(input, asDistricts)
      expect(result.ok).toBe(false)
    }
  })

  it('names the feature with a line geometry', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [106.7, 10.7],
        [106.8, 10.8],
      ],
    }
    const result = checkFeatureCollection(fc(district('760', 'Quận 1'), district('761', 'Quận 12', line)), asDistricts)
    expect(result.ok && result.rejected).toEqual([
      {
        index: 1,
        code: '761',
        name: 'Quận 12',
        reasons: [expect.stringMatching(/LineString is not accepted here \(expected Polygon or MultiPolygon\)/)],
      },
    ])
  })

  it('rejects missing, malformed and duplicate codes and a missing name', () => {
    const result = checkFeatureCollection(
      fc(district(undefined, 'A'), district('7600', 'B'), district('760', ''), district('760', 'D')),
      asDistricts,
    )
    if (!result.ok) throw new Error(result.fileError)
    expect(result.features).toEqual([])
    expect(result.rejected.map((r) => [r.index, r.reasons.join(' | ')])).toEqual([
      [0, 'the code (property level2_id) is missing'],
      [1, 'the code level2_id = "7600" is not 3 digits'],
      [2, 'the name (property name) is missing'],
      [3, 'the code 760 already appears in feature 2'],
    ])
  })

  it('rejects a feature of another province than the one named', () => {
    const result = checkFeatureCollection(
      fc(district('490', 'Quận Liên Chiểu', square(108.1, 16.07), '48')),
      asDistricts,
    )
    expect(result.ok && result.rejected[0]?.reasons).toEqual([
      'the feature belongs to province 48, not to 79 named for this import',
    ])
  })

  it('rejects an open ring through the GeoJSON structure check', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [106.7, 10.7],
          [106.8, 10.7],
          [106.8, 10.8],
          [106.7, 10.8],
        ],
      ],
    }
    const result = checkFeatureCollection(fc(district('760', 'Quận 1', open)), asDistricts)
    expect(result.ok && result.rejected[0]?.reasons.some((r) => r.startsWith('GeoJSON:'))).toBe(true)
  })

  it('needs a province code for district files and refuses one for province files', () => {
    expect(checkFeatureCollection(fc(), { level: 'district' }).ok).toBe(false)
    expect(checkFeatureCollection(fc(), { level: 'province', provinceCode: '79' }).ok).toBe(false)
  })
})

/** What the boundary check says about one district with this geometry ('' when it passes). */
const extentProblem = (geometry: unknown) => {
  const result = checkFeatureCollection(fc(district('760', 'Quận 1', geometry)), asDistricts)
  return result.ok ? result.rejected[0]?.reasons.join('; ') || undefined : result.fileError
}

describe('Vietnam extent', () => {
  it('accepts the mainland and the offshore archipelagos', () => {
    expect(extentProblem(square(106.7, 10.78))).toBeUndefined()
    expect(extentProblem(square(112.3, 16.5))).toBeUndefined()
    expect(extentProblem(square(114.3, 8.6))).toBeUndefined()
  })

  it('explains a latitude, longitude pair written the wrong way round', () => {
    expect(extentProblem(square(10.78, 106.7))).toMatch(/outside .*looks like latitude, longitude/)
  })

  it('rejects a position elsewhere in the world without the swap hint', () => {
    const message = extentProblem(square(2.35, 48.85))
    expect(message).toMatch(/outside Vietnam/)
    expect(message).not.toMatch(/latitude, longitude/)
  })
})
