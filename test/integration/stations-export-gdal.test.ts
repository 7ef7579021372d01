import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { generateProvince } from '../../gis-data/province'

// GDAL reads what we export: every test runs ogr2ogr (gdal-bin) on the files the API serves.
let app: TestApp
let viettel: string
let ids: number[] = []
let dir: string

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  viettel = (await app.user('viettel.gis', 'carrier', 'viettel')).cookie
  // Sites spread over the province (its west and east ends are ~0,5° from the zone meridian).
  const points = await app.db.many<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units
      WHERE level = 'district' AND valid_to IS NULL ORDER BY code LIMIT 6) t`,
  )
  ids = []
  for (const [i, p] of points.entries()) {
    const body = {
      siteCode: `GDAL-${i}`,
      address: `${i} Lê Lợi`,
      position: p,
      mastClass: 'A2a',
      mastHeightM: 12,
      buildingHeightM: 20,
      technologies: ['4G'],
    }
    const res = await app.request('POST', '/api/stations', { cookie: viettel, body })
    expect(res.status).toBe(201)
    ids.push(((await res.json()) as { id: number }).id)
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdal-export-'))
}, 300_000)
afterAll(async () => {
  await app?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** ogr2ogr's WGS84 reading of a layer, as id → [lon, lat]. */
function ogrToWgs84(source: string, options: string[]): Map<number, [number, number]> {
  const out = execFileSync(
    'ogr2ogr',
    ['-f', 'CSV', '/vsistdout/', '-t_srs', 'EPSG:4326', '-lco', 'GEOMETRY=AS_XY', ...options, source],
    { encoding: 'utf8' },
  )
  const rows = parse(out, { columns: true }) as Record<string, string>[]
  return new Map(rows.map((r) => [Number(r.id), [Number(r.X), Number(r.Y)]]))
}

/** Metres between each read point and the stored WGS84 point of its station (ellipsoidal, in PostGIS). */
async function distances(read: Map<number, [number, number]>): Promise<number[]> {
  const rows = await app.db.many<{ d: number }>(
    `SELECT ST_Distance(s.geom::geography, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography) AS d
       FROM unnest($1::bigint[], $2::float8[], $3::float8[]) AS r(id, lon, lat) JOIN stations s ON s.id = r.id`,
    [[...read.keys()], [...read.values()].map((p) => p[0]), [...read.values()].map((p) => p[1])],
  )
  return rows.map((r) => r.d)
}

async function download(pathAndQuery: string): Promise<Buffer> {
  const res = await app.request('GET', pathAndQuery, { cookie: viettel })
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

describe('the VN-2000 export as GIS tools read it', () => {
  it('ogr2ogr reads the ZIP (CSV + .prj) and lands within 5 cm of every stored point', async () => {
    const files = unzipSync(new Uint8Array(await download('/api/stations/export.vn2000.zip?q=GDAL-')))
    expect(Object.keys(files).sort()).toEqual(['stations.csv', 'stations.csvt', 'stations.prj', 'stations.vrt'])
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes)
    expect(fs.readFileSync(path.join(dir, 'stations.prj'), 'utf8')).toContain(
      'TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]',
    )
    const csvOptions = ['-oo', 'X_POSSIBLE_NAMES=vn2000Easting', '-oo', 'Y_POSSIBLE_NAMES=vn2000Northing']
    for (const [source, options] of [
      ['stations.csv', csvOptions],
      ['stations.vrt', []],
    ] as const) {
      const read = ogrToWgs84(path.join(dir, source), [...options])
      expect([...read.keys()].sort()).toEqual([...ids].sort())
      for (const d of await distances(read)) expect(d).toBeLessThan(0.05)
    }
  })

  it('types the columns for GDAL (.csvt): numbers are numbers, names are text', async () => {
    const files = unzipSync(new Uint8Array(await download('/api/stations/export.vn2000.zip?q=GDAL-')))
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes)
    const info = execFileSync('ogrinfo', ['-so', '-al', path.join(dir, 'stations.csv')], { encoding: 'utf8' })
    expect(info).toMatch(/vn2000Easting: Real/)
    expect(info).toMatch(/mastHeightM: Real/)
    expect(info).toMatch(/id: Integer/)
    const rows = parse(Buffer.from(files['stations.csv']!).toString('utf8'), { columns: true }) as Record<
      string,
      string
    >[]
    expect(new Set(rows.map((r) => r.operator))).toEqual(new Set(['Viettel']))
    const names = await app.db.many<{ name: string }>(
      `SELECT name FROM admin_units WHERE level = 'district' AND valid_to IS NULL`,
    )
    for (const r of rows) expect(names.map((n) => n.name)).toContain(r.district)
  })

  it('a bare EPSG:9210 reading lands ~0,8 m off, which is why the export never relies on it', async () => {
    const csv = (await download('/api/stations/export.csv?vn2000=true&q=GDAL-')).toString('utf8').replace(/^\uFEFF/, '')
    const file = path.join(dir, 'plain.csv')
    fs.writeFileSync(file, csv)
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(rows[0]).not.toHaveProperty('vn2000Epsg')
    const options = ['-oo', 'X_POSSIBLE_NAMES=vn2000Easting', '-oo', 'Y_POSSIBLE_NAMES=vn2000Northing']
    // the WKT the CSV carries beside its numbers is exact
    const exact = await distances(ogrToWgs84(file, ['-s_srs', rows[0]!.vn2000Wkt!, ...options]))
    for (const d of exact) expect(d).toBeLessThan(0.05)
    const bare = await distances(ogrToWgs84(file, ['-s_srs', 'EPSG:9210', ...options]))
    for (const d of bare) expect(d).toBeGreaterThan(0.5)
  })

  it('the GeoJSON export names the exact CRS of its VN-2000 properties', async () => {
    const geo = JSON.parse((await download('/api/stations/export.geojson?vn2000=true&q=GDAL-')).toString('utf8'))
    expect(geo.vn2000Crs.proj).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835')
    expect(geo.vn2000Crs.wkt).toContain('TOWGS84[')
    expect(JSON.stringify(geo)).not.toContain('EPSG')
  })
})
