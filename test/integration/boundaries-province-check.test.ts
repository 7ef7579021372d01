import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SYSTEM } from '../../server/audit/audit'
import { importBoundaries } from '../../server/boundaries/import'
import { createTestDb, type TestDb } from '../helpers/db'

const ADMIN_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/admin')
const readAdmin = (file: string) => JSON.parse(fs.readFileSync(path.join(ADMIN_DATA, file), 'utf8')) as unknown

// Each test has a database of its own holding the HCMC province outline (a ward it imports stays its own).
let db: TestDb
beforeEach(async () => {
  db = await createTestDb()
  const province = await importBoundaries(
    db,
    {
      level: 'province',
      validFrom: '2020-01-01',
      fileName: '79.geojson',
      featureCollection: readAdmin('79_hcmc_province.geojson'),
    },
    SYSTEM,
  )
  expect(province.status).toBe('imported')
})
afterEach(async () => {
  await db?.destroy()
})

const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
})

const wardFile = (lon: number, lat: number) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { level1_id: '79', level2_id: '760', level3_id: '26734', name: 'Phường thử' },
      geometry: square(lon, lat),
    },
  ],
})

const importWards = (file: unknown) =>
  importBoundaries(
    db,
    { level: 'ward', provinceCode: '79', validFrom: '2021-01-01', fileName: 'wards.geojson', featureCollection: file },
    SYSTEM,
  )

describe('a district or ward file is checked against its province', () => {
  it('refuses a ward of province 79 drawn in Hà Nội, naming it, and writes nothing', async () => {
    const before = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM admin_units')
    const report = await importWards(wardFile(105.85, 21.02))
    expect(report.status).toBe('rejected')
    expect(report.rejected).toHaveLength(1)
    expect(report.rejected[0]?.code).toBe('26734')
    expect(report.rejected[0]?.reasons.join(' ')).toMatch(/from the outline of its province/)
    const after = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM admin_units')
    expect(after.n).toBe(before.n)
  })

  it('accepts the same ward drawn inside Hồ Chí Minh City', async () => {
    const report = await importWards(wardFile(106.7, 10.77))
    expect(report.status).toBe('imported')
    expect(report.inserted).toBe(1)
  })
})
