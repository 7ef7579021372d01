import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../helpers/db'
import { SYSTEM } from '../../server/audit/audit'
import { importBoundaries, type ImportRequest } from '../../server/boundaries/import'

const ADMIN_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/admin')
const readAdmin = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(ADMIN_DATA, file), 'utf8')) as { features: Feature[] }
interface Feature {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown }
}

// Each test imports into a database of its own, copied from the migrated template.
let db: TestDb
beforeEach(async () => {
  db = await createTestDb()
})
afterEach(async () => {
  await db?.destroy()
})

const districts79 = (validFrom: string, featureCollection: unknown, extra: Partial<ImportRequest> = {}) =>
  importBoundaries(
    db,
    { level: 'district', provinceCode: '79', validFrom, fileName: '79.geojson', featureCollection, ...extra },
    SYSTEM,
  )

/** The real 22 HCMC districts, valid from 2021. */
async function hcmc2021() {
  const report = await districts79('2021-01-01', readAdmin('79_hcmc_districts.geojson'))
  expect(report.status).toBe('imported')
  return report
}

/** The provinces of the national file (all 62, or those named), valid from 2008-08-01. */
const provinces2008 = (codes?: string[]) => {
  const all = readAdmin('vn_62_provinces_pre2025.geojson')
  const features = codes ? all.features.filter((f) => codes.includes(String(f.properties.level1_id))) : all.features
  return importBoundaries(
    db,
    {
      level: 'province',
      validFrom: '2008-08-01',
      fileName: 'vn62.geojson',
      featureCollection: { type: 'FeatureCollection', features },
    },
    SYSTEM,
  )
}

async function counts() {
  return db.one<{ units: number; imports: number; audits: number }>(
    `SELECT (SELECT count(*) FROM admin_units) AS units, (SELECT count(*) FROM boundary_imports) AS imports,
            (SELECT count(*) FROM audit_log) AS audits`,
  )
}

async function hcmcAt(date: string) {
  return db.many<{ code: string; valid_to: string | null }>(
    `SELECT code, valid_to FROM admin_units WHERE level = 'district' AND province_code = '79'
       AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date) ORDER BY code`,
    [date],
  )
}

/** A 2020 file with Quận 2, Quận 9 and Quận Thủ Đức cut out of the 2021 Thành phố Thủ Đức, in SQL. */
async function preMergerFile() {
  const hcmc = readAdmin('79_hcmc_districts.geojson')
  const thuDuc = hcmc.features.find((f) => f.properties.level2_id === '769')!
  const parts = await db.many<{ geometry: string }>(
    `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g), b AS (SELECT ST_XMin(g) x0, ST_XMax(g) x1 FROM g)
     SELECT ST_AsGeoJSON(ST_Intersection(g, ST_MakeEnvelope(
              b.x0 + (b.x1 - b.x0) * i / 3.0, 10, b.x0 + (b.x1 - b.x0) * (i + 1) / 3.0, 12, 4326))) AS geometry
     FROM g, b, generate_series(0, 2) AS i ORDER BY i`,
    [JSON.stringify(thuDuc.geometry)],
  )
  const old = [
    ['769', 'Quận 2'],
    ['763', 'Quận 9'],
    ['762', 'Quận Thủ Đức'],
  ].map(([code, name], i) => ({
    type: 'Feature',
    properties: { level1_id: '79', level2_id: code, name },
    geometry: JSON.parse(parts[i]!.geometry),
  }))
  return { type: 'FeatureCollection', features: [...hcmc.features.filter((f) => f !== thuDuc), ...old] }
}

describe('importing district boundaries', () => {
  it('stores the 22 HCMC districts valid and counter-clockwise, with one import row and one audit row', async () => {
    const before = await counts()
    const report = await hcmc2021()
    expect(report.inserted).toBe(22)
    const stored = await db.one<{ n: number; valid: number; ccw: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE ST_IsValid(geom)) AS valid,
              count(*) FILTER (WHERE ST_IsPolygonCCW(geom)) AS ccw
         FROM admin_units WHERE level = 'district' AND province_code = '79' AND valid_to IS NULL`,
    )
    expect(stored).toEqual({ n: 22, valid: 22, ccw: 22 })
    expect(report.features.filter((f) => f.rewound)).toHaveLength(22)
    const after = await counts()
    expect(after.imports - before.imports).toBe(1)
    expect(after.audits - before.audits).toBe(1)
    const row = await db.one<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1`,
    )
    expect(row).toEqual({ action: 'boundaries.import', entity_id: String(report.importId) })
  })

  it('closes the previous versions when a later vintage arrives, and keeps both queryable by date', async () => {
    await hcmc2021()
    const first = await hcmcAt('2022-06-01')
    expect(first).toHaveLength(22)
    const report = await districts79('2025-03-01', readAdmin('79_hcmc_districts.geojson'))
    expect(report.closed).toHaveLength(22)
    const old = await hcmcAt('2022-06-01')
    expect(old.map((u) => u.code)).toEqual(first.map((u) => u.code))
    expect(old.every((u) => u.valid_to === '2025-03-01')).toBe(true)
    const current = await hcmcAt('2025-06-01')
    expect(current).toHaveLength(22)
    expect(current.every((u) => u.valid_to === null)).toBe(true)
  })

  it('refuses a vintage older than one already stored, naming the later versions', async () => {
    await hcmc2021()
    const before = await counts()
    const report = await districts79('2019-01-01', readAdmin('79_hcmc_districts.geojson'))
    expect(report.status).toBe('rejected')
    expect(report.fileError).toMatch(/already exist.*import boundary vintages in date order/)
    expect(await counts()).toEqual(before)
  })

  it('represents the 2021 Thủ Đức merger: 24 districts in 2020, 22 from 2021', async () => {
    expect((await districts79('2019-01-01', await preMergerFile())).status).toBe('imported')
    expect((await districts79('2021-01-01', readAdmin('79_hcmc_districts.geojson'))).status).toBe('imported')
    const in2020 = await hcmcAt('2020-07-01')
    const in2021 = await hcmcAt('2021-07-01')
    expect(in2020).toHaveLength(24)
    expect(in2021).toHaveLength(22)
    expect(in2020.map((u) => u.code)).toEqual(expect.arrayContaining(['762', '763', '769']))
    expect(in2021.map((u) => u.code)).not.toContain('762')
    const versions = await db.many(
      `SELECT name, valid_from, valid_to FROM admin_units
        WHERE level = 'district' AND code = '769' ORDER BY valid_from`,
    )
    expect(versions).toEqual([
      { name: 'Quận 2', valid_from: '2019-01-01', valid_to: '2021-01-01' },
      { name: 'Thành phố Thủ Đức', valid_from: '2021-01-01', valid_to: null },
    ])
  })

  it('reports on a dry run what would change and writes nothing', async () => {
    await hcmc2021()
    const before = await counts()
    const report = await districts79('2026-01-01', readAdmin('79_hcmc_districts.geojson'), { dryRun: true })
    expect(report.status).toBe('dry-run')
    expect(report.closed).toHaveLength(22)
    expect(await counts()).toEqual(before)
  })

  it('repairs a self-intersecting ring and reports the reason and the area change', async () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [106.6, 10.7],
          [106.62, 10.72],
          [106.62, 10.7],
          [106.6, 10.72],
          [106.6, 10.7],
        ],
      ],
    }
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { level1_id: '84', level2_id: '842', name: 'Bow tie' }, geometry: bowTie },
      ],
    }
    const report = await importBoundaries(
      db,
      {
        level: 'district',
        provinceCode: '84',
        validFrom: '2020-01-01',
        fileName: 'bow.geojson',
        featureCollection: file,
      },
      SYSTEM,
    )
    expect(report.status).toBe('imported')
    const [repair] = report.features
    expect(repair?.validity).toMatch(/^Self-intersection/)
    expect(repair?.repairs.some((r) => r.startsWith('made valid: Self-intersection'))).toBe(true)
    // the raw ring's two lobes cancel to about zero; repaired, they are two triangles covering half the 0.02° square
    // (~2.4 km²)
    expect(repair?.areaAfterM2).toBeGreaterThan(2_000_000)
    expect(repair?.areaChangeM2).toBeGreaterThan(2_000_000)
    const stored = await db.one<{ valid: boolean; type: string }>(
      `SELECT ST_IsValid(geom) AS valid, GeometryType(geom) AS type FROM admin_units WHERE code = '842'`,
    )
    expect(stored).toEqual({ valid: true, type: 'MULTIPOLYGON' })
  })
})

describe('importing the national province file', () => {
  it('stores 62 valid provinces and names every repair', async () => {
    const report = await provinces2008()
    expect(report.status).toBe('imported')
    const stored = await db.one<{ n: number; valid: number; ccw: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE ST_IsValid(geom)) AS valid,
              count(*) FILTER (WHERE ST_IsPolygonCCW(geom)) AS ccw
         FROM admin_units WHERE level = 'province' AND valid_to IS NULL`,
    )
    expect(stored).toEqual({ n: 62, valid: 62, ccw: 62 })
    const withRepeats = report.features.filter((f) => f.repeatedVertices > 0)
    expect(withRepeats.map((f) => f.code)).toEqual(['66', '68', '72', '74', '75', '80'])
    expect(
      withRepeats.every((f) => f.repairs.some((r) => r.includes(`removed ${f.repeatedVertices} repeated vertices`))),
    ).toBe(true)
    // mixed winding across the file: most rings clockwise, a few already counter-clockwise
    const windings = new Set(report.features.map((f) => f.winding))
    expect(windings).toEqual(new Set(['cw', 'ccw']))
    expect(report.features.filter((f) => f.rewound).every((f) => f.repairs.some((r) => r.startsWith('rewound')))).toBe(
      true,
    )
    expect(
      report.features.filter((f) => !f.rewound && f.repeatedVertices === 0).every((f) => f.repairs.length === 0),
    ).toBe(true)
  })

  it('ends only the provinces a file contains, unless it is the national set', async () => {
    // three provinces of the national file are enough, and much quicker to store than 62
    expect((await provinces2008(['33', '48', '79'])).status).toBe('imported')
    const province = (file: string, validFrom: string, national = false) =>
      importBoundaries(
        db,
        { level: 'province', validFrom, national, fileName: file, featureCollection: readAdmin(file) },
        SYSTEM,
      )
    const danang = await province('48_danang_province.geojson', '2020-01-01')
    expect(danang.closed.map((c) => c.code)).toEqual(['48'])
    const currentProvinces = () =>
      db.many<{ code: string }>(
        `SELECT code FROM admin_units WHERE level = 'province' AND valid_to IS NULL ORDER BY code`,
      )
    expect(await currentProvinces()).toEqual([{ code: '33' }, { code: '48' }, { code: '79' }])
    const reform = await province('79_hcmc_province.geojson', '2025-07-01', true)
    expect(reform.closed.map((c) => c.code).sort()).toEqual(['33', '48', '79'])
    expect(await currentProvinces()).toEqual([{ code: '79' }])
  })
})
