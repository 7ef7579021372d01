import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gateGeometry, GEOMETRY_TYPES, MAX_VERTICES } from '../../server/geo/gate'
import { readGeoJsonDocument } from '../../server/geo/geojson'

const FIXTURES = path.resolve(__dirname, '../../../shared/data/fixtures')
const table = fs
  .readFileSync(path.join(FIXTURES, 'EXPECTATIONS.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .filter(([p]) => p?.startsWith('geojsonhint/') || p?.startsWith('rfc7946/'))
  .map(([p, e]) => ({ file: p!, expected: e! }))
// OGC validity (self-intersections, overlaps) needs PostGIS: those turf fixtures are in the integration test.
const ROUNDED = 'geojsonhint/bad/excessive_precision_truncated.geojson'
// geojsonhint does not check ranges; RFC 7946 positions are WGS84 degrees, so this one is refused.
const OUT_OF_RANGE = 'geojsonhint/good/issue82.geojson'

/** The whole document through the reader and every geometry through the gate, anywhere on Earth. */
function verdict(text: string): { ok: boolean; messages: string[]; warnings: string[] } {
  const doc = readGeoJsonDocument(text)
  if (!doc.ok) return { ok: false, messages: doc.problems.map((p) => p.message), warnings: [] }
  const results = doc.features
    .filter((f) => f.geometry !== null)
    .map((f) => gateGeometry(f.geometry, { types: GEOMETRY_TYPES, extent: null }))
  return {
    ok: results.every((r) => r.ok),
    messages: results.flatMap((r) => (r.ok ? [] : r.errors.map((e) => e.message))),
    warnings: results.flatMap((r) => (r.ok ? r.warnings : [])),
  }
}

describe('the geometry gate against the shared fixtures (EXPECTATIONS.tsv)', () => {
  it('has the fixtures', () => expect(table.length).toBeGreaterThan(70))

  for (const { file, expected } of table) {
    const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8')
    if (expected === 'fail' && file !== ROUNDED) {
      it(`refuses ${file}, naming the problem as geojsonhint does`, () => {
        const v = verdict(text)
        expect(v.ok).toBe(false)
        const reference = JSON.parse(
          fs.readFileSync(path.join(FIXTURES, file.replace(/\.geojson$/, '.result')), 'utf8'),
        ) as { message: string }[]
        const said = v.messages.join(' | ').toLowerCase()
        const named =
          reference.some((r) => said.includes(r.message.toLowerCase().split(/[:\n]/)[0]!.slice(0, 30))) ||
          reference.some((r) => r.message.startsWith('Parse error') && said.includes('not valid json'))
        expect(named, said).toBe(true)
      })
    } else if (file === OUT_OF_RANGE) {
      it(`refuses ${file}: its positions lie beyond ±180° / ±90°`, () => {
        expect(verdict(text)).toMatchObject({
          ok: false,
          messages: [expect.stringMatching(/outside longitude −180…180/)],
        })
      })
    } else if (expected === 'pass') {
      it(`accepts ${file}`, () => expect(verdict(text)).toMatchObject({ ok: true }))
    } else if (expected === 'warn' || file === ROUNDED) {
      it(`accepts ${file} (geojsonhint only warns; RFC 7946 says "should")`, () => expect(verdict(text).ok).toBe(true))
    }
  }

  it('rounds over-precise coordinates to the centimetre with a warning, and drops Z with one', () => {
    const r = gateGeometry(
      {
        type: 'LineString',
        coordinates: [
          // biome-ignore lint/correctness/noPrecisionLoss: the over-precise literal is the input under test
          [106.700000000000003, 10.812345678912345, 5],
          [106.71, 10.8],
        ],
      },
      { types: ['LineString'] },
    )
    expect(r).toEqual({
      ok: true,
      geometry: {
        type: 'LineString',
        coordinates: [
          [106.7, 10.8123457],
          [106.71, 10.8],
        ],
      },
      warnings: [expect.stringMatching(/Z/), expect.stringMatching(/rounded to 7 decimals/)],
    })
  })
})

describe('the geometry gate on what routes send', () => {
  const line = (coordinates: unknown) =>
    gateGeometry({ type: 'LineString', coordinates }, { types: ['LineString', 'MultiLineString'] })

  it('refuses an empty ring, an empty part and a nested collection', () => {
    expect(gateGeometry({ type: 'Polygon', coordinates: [[]] }, { types: ['Polygon'] }).ok).toBe(false)
    expect(gateGeometry({ type: 'MultiLineString', coordinates: [] }, { types: ['MultiLineString'] }).ok).toBe(false)
    let deep: unknown = { type: 'Point', coordinates: [106.7, 10.8] }
    for (let i = 0; i < 10_000; i++) deep = { type: 'GeometryCollection', geometries: [deep, deep] }
    expect(gateGeometry(deep, { types: GEOMETRY_TYPES })).toMatchObject({ ok: false })
  })

  it('refuses a line across the antimeridian and a position outside Vietnam, hinting at a swap', () => {
    expect(
      gateGeometry(
        {
          type: 'LineString',
          coordinates: [
            [179, 10],
            [-179, 10],
          ],
        },
        { types: ['LineString'], extent: null },
      ),
    ).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/antimeridian/) }] })
    expect(
      line([
        [10.8, 106.7],
        [10.9, 106.7],
      ]),
    ).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/latitude, longitude/) }] })
    expect(
      line([
        [2.35, 48.85],
        [2.36, 48.85],
      ]),
    ).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/outside Vietnam/) }] })
  })

  it('refuses non-finite numbers, types it does not take and too many positions', () => {
    expect(
      line([
        [106.7, Number.NaN],
        [106.71, 10.8],
      ]).ok,
    ).toBe(false)
    expect(
      line([
        [106.7, '10.8'],
        [106.71, 10.8],
      ]).ok,
    ).toBe(false)
    expect(gateGeometry({ type: 'Point', coordinates: [106.7, 10.8] }, { types: ['LineString'] }).ok).toBe(false)
    const many = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [106 + i * 1e-6, 10.8])
    const started = performance.now()
    expect(line(many)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/more than/) }] })
    // linear: a few microseconds a position even on a loaded machine
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('the geometry gate under fuzzing (fast-check, seeded)', () => {
  const num = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(106.7, 10.8, 180, -180, 90, Number.NaN, Infinity))
  const anything: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { maxDepth: 5 },
      num,
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      tie('array'),
      tie('object'),
      tie('geometry'),
    ),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(fc.constantFrom('type', 'coordinates', 'geometries', 'bbox', 'properties'), tie('value'), {
      maxKeys: 4,
    }),
    geometry: fc.record(
      {
        type: fc.constantFrom(...GEOMETRY_TYPES, 'point', 'Feature'),
        coordinates: tie('value'),
        geometries: tie('array'),
      },
      { requiredKeys: ['type'] },
    ),
  })).value

  it('never throws, and what it accepts is 2D, finite, rounded and inside Vietnam', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const r = gateGeometry(input, { types: GEOMETRY_TYPES })
        if (!r.ok) return r.errors.length > 0 && r.errors.every((e) => typeof e.message === 'string')
        const positions: number[][] = []
        const walk = (c: unknown): void => {
          if (Array.isArray(c) && typeof c[0] === 'number') positions.push(c as number[])
          else if (Array.isArray(c)) c.forEach(walk)
        }
        const g = r.geometry as { coordinates?: unknown; geometries?: { coordinates: unknown }[] }
        walk(g.coordinates)
        for (const m of g.geometries ?? []) walk(m.coordinates)
        return positions.every(
          (p) =>
            p.length === 2 &&
            p.every(Number.isFinite) &&
            p[0]! >= 101.5 &&
            p[0]! <= 118.5 &&
            Math.round(p[1]! * 1e7) / 1e7 === p[1],
        )
      }),
      { seed: 20261201, numRuns: 3000 },
    )
  })

  it('accepts every well-formed line inside Vietnam', () => {
    const position = fc.tuple(
      fc.double({ min: 102.2, max: 109.4, noNaN: true }),
      fc.double({ min: 8.6, max: 23.3, noNaN: true }),
    )
    fc.assert(
      fc.property(fc.array(position, { minLength: 2, maxLength: 50 }), (coordinates) => line2(coordinates).ok),
      { seed: 7946, numRuns: 1000 },
    )
  })
})

const line2 = (coordinates: unknown) => gateGeometry({ type: 'LineString', coordinates }, { types: ['LineString'] })
