import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { insertStationGrid } from '../helpers/stations'
import { generateProvince } from '../../gis-data/province'

// Every layer in every format, read back by GDAL (ogr2ogr/ogrinfo from Debian's gdal-bin). GDAL runs as a child
// process while this process serves the export: always the async execFile, never execFileSync (it would block
// the server in this same process).
const run = promisify(execFile)

const FORMATS = ['geojson', 'csv', 'xlsx', 'kml', 'shp', 'gpkg'] as const
type Format = (typeof FORMATS)[number]
const EXT: Record<Format, string> = {
  geojson: 'geojson',
  csv: 'csv',
  xlsx: 'xlsx',
  kml: 'kml',
  shp: 'shp.zip',
  gpkg: 'gpkg',
}

let app: TestApp
let officer: string
let viettel: string
let mobifone: string
let dir: string
const known: Record<string, number> = {}

const ADDRESS_FORMULA = '=HYPERLINK("http://x.example","bấm")'
const VIETNAMESE = 'Trạm Lê Lợi – Phường Bến Nghé'

beforeAll(async () => {
  app = await startTestApp()
  await generateProvince(app.db, '79', 20_170_601)
  officer = (await app.user('exp-officer', 'officer')).cookie
  viettel = (await app.user('exp-viettel', 'carrier', 'viettel')).cookie
  mobifone = (await app.user('exp-mobifone', 'carrier', 'mobifone')).cookie
  // 12 stations of Viettel and MobiFone in every state (helpers/stations.ts); one carries Vietnamese text and a
  // formula-like address
  const stations = await insertStationGrid(app.db, 'EXP', 12)
  const viettelInService = stations.find((s) => s.carrier === 'viettel' && s.state === 'in_service')!
  known.stations = viettelInService.id
  await app.db.exec('UPDATE stations SET name = $2, address = $3 WHERE id = $1', [
    known.stations,
    VIETNAMESE,
    ADDRESS_FORMULA,
  ])
  const poles = await app.db.many<{ id: number }>(
    `INSERT INTO poles (province_code, code, owner_carrier_id, carrier_ids, geom, district_code)
     SELECT '79', 'CỘT-' || i, (SELECT id FROM carriers WHERE short_name = 'evn'),
            ARRAY[(SELECT id FROM carriers WHERE short_name = 'viettel')], ST_SetSRID(ST_MakePoint(
              ST_X(p) + i * 0.0013, ST_Y(p) + 0.001), 4326), '760'
       FROM generate_series(1, 5) i, (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') s
     RETURNING id::int AS id`,
  )
  known.poles = poles[2]!.id
  const routes = await app.db.many<{ id: number }>(
    `INSERT INTO cable_routes (province_code, name, street, kind, status, carrier_ids, geom, length_m)
     SELECT '79', 'Tuyến ' || c.short_name || ' ' || i, 'Đường Nguyễn Huệ', 'underground', 'planned', ARRAY[c.id], g,
            ST_Length(g::geography)
       FROM generate_series(1, 2) i, (VALUES ('viettel'), ('mobifone')) v(short),
            LATERAL (SELECT id, short_name FROM carriers WHERE short_name = v.short) c,
            LATERAL (SELECT ST_Multi(ST_MakeLine(ARRAY[ST_Translate(p, i * 0.001, 0), ST_Translate(p, i * 0.001, 0.004),
                                                        ST_Translate(p, i * 0.001 + 0.003, 0.005)])) AS g
                       FROM (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') s) l
      ORDER BY c.short_name DESC, i
     RETURNING id::int AS id`,
  )
  known.routes = routes[1]!.id // Viettel's second route
  // shared ducts on three of the routes; MobiFone rents tubes on Viettel's second route
  await app.db.exec(
    `INSERT INTO duct_capacities (route_id, ducts, tubes_per_duct, price_vnd_per_m_month)
     SELECT unnest($1::bigint[]), 2, 3, 1500`,
    [[routes[0]!.id, routes[1]!.id, routes[3]!.id]],
  )
  await app.db.exec(
    `INSERT INTO duct_allocations (route_id, carrier_id, tubes, from_date)
     VALUES ($1, (SELECT id FROM carriers WHERE short_name = 'mobifone'), 2, '2024-01-01')`,
    [routes[1]!.id],
  )
  known.ducts = routes[1]!.id
  const { id: programme } = await app.db.one<{ id: number }>(
    `INSERT INTO conversion_programmes (province_code, name, decision_no, decision_date, starts_on)
     VALUES ('79', 'Chương trình cải tạo (kiểm thử)', 'QĐ-1', '2020-01-01', '2020-01-01') RETURNING id`,
  )
  const { id: phase } = await app.db.one<{ id: number }>(
    `INSERT INTO conversion_phases (programme_id, seq, name, deadline, cumulative_target)
     VALUES ($1, 1, 'Giai đoạn 1', '2025-12-31', 10) RETURNING id`,
    [programme],
  )
  const items = await app.db.many<{ id: number; carrier: string }>(
    `INSERT INTO conversion_items (programme_id, phase_id, station_id, carrier_id, kind, from_class, from_height_m,
                                   to_class, to_height_m, due_date)
     SELECT $1, $2, s.id, s.carrier_id, 'lower', 'A2a', 12.5, 'A1', 6, DATE '2025-06-30'
       FROM stations s WHERE s.site_code LIKE 'EXP-%' AND s.state = 'in_service' ORDER BY s.id
     RETURNING id::int AS id, (SELECT short_name FROM carriers WHERE id = carrier_id) AS carrier`,
    [programme, phase],
  )
  known.items = items.find((i) => i.carrier === 'viettel')!.id
  const zones = await app.db.many<{ id: number }>(
    `INSERT INTO planning_zones (province_code, name, kind, allowed_classes, max_height_m, geom)
     SELECT '79', 'Khu phố cổ ' || i, 'heritage', ARRAY['A1'], 10,
            ST_Multi(ST_Buffer(ST_Translate(p, i * 0.01, 0), 0.002, 8))
       FROM generate_series(1, 3) i, (SELECT ST_PointOnSurface(geom) AS p FROM admin_units WHERE code = '760') s
     RETURNING id`,
  )
  known.zones = zones[1]!.id
  known.districts = (
    await app.db.one<{ id: number }>(
      `SELECT id FROM admin_units WHERE level = 'district' AND code = '760' AND valid_to IS NULL`,
    )
  ).id
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'))
}, 300_000)

afterAll(async () => {
  await app?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

interface Layer {
  route: string
  /** SQL: the ids this user's list shows ($1 the carrier short name or NULL for the officer). */
  expected: string
  table: string
  point: boolean
}

const LAYERS: Record<string, Layer> = {
  stations: {
    route: 'stations?q=EXP-',
    expected: `SELECT s.id FROM stations s JOIN carriers c ON c.id = s.carrier_id
                WHERE s.site_code LIKE 'EXP-%' AND ($1::text IS NULL AND s.state <> 'draft' OR c.short_name = $1)`,
    table: 'stations',
    point: true,
  },
  // poles are shared infrastructure: every role lists them all
  poles: {
    route: 'poles',
    expected: 'SELECT id FROM poles WHERE $1::text IS NULL OR true',
    table: 'poles',
    point: true,
  },
  routes: {
    route: 'cable-routes',
    expected: `SELECT r.id FROM cable_routes r
                WHERE $1::text IS NULL OR (SELECT id FROM carriers WHERE short_name = $1) = ANY (r.carrier_ids)`,
    table: 'cable_routes',
    point: false,
  },
  // a carrier: the routes it takes part in or rents tubes on
  ducts: {
    route: 'ducts',
    expected: `SELECT d.route_id AS id FROM duct_capacities d JOIN cable_routes r ON r.id = d.route_id
                WHERE $1::text IS NULL OR (SELECT id FROM carriers WHERE short_name = $1) = ANY (r.carrier_ids)
                   OR EXISTS (SELECT 1 FROM duct_allocations a JOIN carriers c ON c.id = a.carrier_id
                               WHERE a.route_id = r.id AND c.short_name = $1)`,
    table: 'cable_routes',
    point: false,
  },
  items: {
    route: 'conversion-items',
    expected: `SELECT i.id FROM conversion_items i JOIN carriers c ON c.id = i.carrier_id
                WHERE $1::text IS NULL OR c.short_name = $1`,
    table: 'conversion_items',
    point: true,
  },
  districts: {
    route: 'districts',
    expected: `SELECT id FROM admin_units
                WHERE ($1::text IS NULL OR true) AND level = 'district' AND province_code = '79'
                AND valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)`,
    table: 'admin_units',
    point: false,
  },
  zones: {
    route: 'zones',
    expected: 'SELECT id FROM planning_zones WHERE $1::text IS NULL OR true',
    table: 'planning_zones',
    point: false,
  },
}

const geomOf = (table: string) =>
  table === 'conversion_items' ? '(SELECT s.geom FROM stations s WHERE s.id = t.station_id)' : 't.geom'

/** The stored extent of one record (a point's is the point). */
const storedBox = (layer: Layer, id: number) =>
  app.db.one<{ x0: number; y0: number; x1: number; y1: number }>(
    `SELECT ST_XMin(g) AS x0, ST_YMin(g) AS y0, ST_XMax(g) AS x1, ST_YMax(g) AS y1
       FROM (SELECT ${geomOf(layer.table)} AS g FROM ${layer.table} t WHERE t.id = $1) x`,
    [id],
  )

async function download(route: string, format: Format, cookie?: string, extra = ''): Promise<string> {
  const res = await app.request(
    'GET',
    `/api/exports/${route}${route.includes('?') ? '&' : '?'}format=${format}${extra}`,
    {
      cookie,
    },
  )
  expect(res.status, await res.clone().text()).toBe(200)
  const file = path.join(
    dir,
    `${route.replace(/\W+/g, '_')}-${cookie ? cookie.slice(-6) : 'anon'}${extra.replace(/\W+/g, '_')}.${EXT[format]}`,
  )
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return format === 'shp' ? `/vsizip/${file}` : file
}

interface Read {
  id: number
  props: Record<string, unknown>
  coords: number[][]
}

/** GDAL's reading of an export: every feature's id, attributes and coordinates (from geometry or columns). */
async function gdalRead(file: string, format: Format, point: boolean): Promise<Read[]> {
  const open =
    format === 'csv'
      ? point
        ? ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat', '-oo', 'AUTODETECT_TYPE=YES']
        : ['-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'AUTODETECT_TYPE=YES']
      : []
  const { stdout } = await run(
    'ogr2ogr',
    [
      '-f',
      'GeoJSON',
      '/vsistdout/',
      '-preserve_fid',
      ...open,
      file,
      ...(format === 'xlsx' ? await firstLayer(file) : []),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  )
  const fc = JSON.parse(stdout) as {
    features: { id?: number; properties: Record<string, unknown>; geometry: { coordinates: unknown } | null }[]
  }
  return fc.features.map((f) => {
    let coords: number[][] = []
    if (f.geometry) coords = flatten(f.geometry.coordinates)
    else if (typeof f.properties.wkt === 'string') coords = wktCoords(f.properties.wkt)
    else if (f.properties.lon !== undefined) coords = [[Number(f.properties.lon), Number(f.properties.lat)]]
    // the id column; GeoJSON's and GeoPackage's ids are feature ids (GDAL moves a GeoJSON `id` property there)
    return { id: Number(f.properties.id ?? f.id), props: f.properties, coords }
  })
}

/** The XLSX file's first sheet (the layer; the second holds notes). */
async function firstLayer(file: string): Promise<string[]> {
  const { stdout } = await run('ogrinfo', ['-ro', '-q', file])
  return [stdout.match(/^1: (\S+)/m)![1]!]
}

const flatten = (c: unknown): number[][] =>
  Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flatten)
const wktCoords = (wkt: string) =>
  [...wkt.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])])

async function featureCount(file: string, format: Format): Promise<number> {
  const layer = format === 'xlsx' ? await firstLayer(file) : []
  const { stdout } = await run('ogrinfo', ['-ro', '-so', ...(format === 'xlsx' ? [] : ['-al']), file, ...layer])
  return [...stdout.matchAll(/Feature Count: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0)
}

async function expectedIds(layer: Layer, carrier: string | null): Promise<number[]> {
  const rows = await app.db.many<{ id: number }>(layer.expected, [carrier])
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b)
}

describe('exports: every layer in every format opens in GDAL with the right features in the right place', () => {
  for (const [name, layer] of Object.entries(LAYERS))
    for (const format of FORMATS)
      it(`${name} as ${format}`, async () => {
        const file = await download(layer.route, format, officer)
        const ids = await expectedIds(layer, null)
        expect(ids.length).toBeGreaterThan(0)
        if (format !== 'kml') expect(await featureCount(file, format)).toBe(ids.length)
        const read = await gdalRead(file, format, layer.point)
        expect(read.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids)
        const feature = read.find((r) => r.id === known[name])!
        expect(feature.coords.length).toBeGreaterThan(0)
        const box = await storedBox(layer, known[name]!)
        const xs = feature.coords.map((c) => c[0]!)
        const ys = feature.coords.map((c) => c[1]!)
        expect(Math.abs(Math.min(...xs) - box.x0)).toBeLessThan(1e-7)
        expect(Math.abs(Math.min(...ys) - box.y0)).toBeLessThan(1e-7)
        expect(Math.abs(Math.max(...xs) - box.x1)).toBeLessThan(1e-7)
        expect(Math.abs(Math.max(...ys) - box.y1)).toBeLessThan(1e-7)
      })
})

describe('exports: VN-2000 columns', () => {
  const PROJ =
    '+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
    '+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs'

  for (const format of FORMATS)
    it(`stations as ${format} with vn2000=1 agree with cs2cs to 5 cm`, async () => {
      const file = await download(LAYERS.stations!.route, format, officer, '&vn2000=1')
      const read = await gdalRead(file, format, true)
      const f = read.find((r) => r.id === known.stations)!
      const { lon, lat } = await app.db.one<{ lon: number; lat: number }>(
        'SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM stations WHERE id = $1',
        [known.stations],
      )
      const cs2cs = execFile('cs2cs', [
        '-f',
        '%.4f',
        '+proj=longlat',
        '+datum=WGS84',
        '+no_defs',
        '+to',
        ...PROJ.split(' '),
      ])
      const out = new Promise<string>((resolve) => {
        let text = ''
        cs2cs.stdout!.on('data', (d) => (text += d))
        cs2cs.on('close', () => resolve(text))
      })
      cs2cs.stdin!.end(`${lon} ${lat}\n`)
      const [x, y] = (await out).trim().split(/\s+/).map(Number)
      expect(Math.abs(Number(f.props.vn2000_x) - x!)).toBeLessThan(0.05)
      expect(Math.abs(Number(f.props.vn2000_y) - y!)).toBeLessThan(0.05)
    })

  it('names the exact zone CRS (TOWGS84 pinned) in the GeoJSON and the CSV', async () => {
    const geo = JSON.parse(fs.readFileSync(await download('stations?q=EXP-', 'geojson', officer, '&vn2000=1'), 'utf8'))
    expect(geo.vn2000Crs.epsg).toBe(9210)
    expect(geo.vn2000Crs.wkt).toContain('TOWGS84[-191.90441429')
    const csv = fs.readFileSync(await download('stations?q=EXP-', 'csv', officer, '&vn2000=1'), 'utf8')
    expect(csv.split('\r\n')[0]).toContain('vn2000_x,vn2000_y')
    expect(csv).toContain('TOWGS84[-191.90441429')
  })
})

describe('exports: text', () => {
  it('CSV starts with the BOM, guards formula-like cells and keeps Vietnamese text', async () => {
    const res = await app.request('GET', '/api/exports/stations?q=EXP-&format=csv', { cookie: officer })
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""bấm"")"`)
    expect(text).not.toMatch(/,=HYPERLINK/)
    expect(text).toContain(VIETNAMESE)
  })

  for (const format of ['shp', 'gpkg', 'kml', 'xlsx'] as const)
    it(`${format}: Vietnamese text survives GDAL's reading`, async () => {
      const read = await gdalRead(await download('stations?q=EXP-', format, officer), format, true)
      const f = read.find((r) => r.id === known.stations)!
      // GDAL reads a KML placemark's name as Name
      expect(format === 'kml' ? f.props.Name : f.props.name).toBe(VIETNAMESE)
    })

  it('the Shapefile zip carries .prj and a UTF-8 .cpg; field names fit the DBF', async () => {
    const file = (await download('cable-routes', 'shp', officer)).replace('/vsizip/', '')
    const { stdout } = await run('unzip', ['-l', file])
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg']) expect(stdout).toContain(`cable_routes.${ext}`)
    const info = await run('ogrinfo', ['-ro', '-so', '-al', `/vsizip/${file}`])
    expect(info.stdout).toMatch(/GEOGCRS\["WGS 84"|GEOGCS\["GCS_WGS_1984"/)
    expect(info.stdout).toContain('Geometry: Line String')
  })
})

describe('exports: who may export what', () => {
  it('a carrier exports only its own records (GeoJSON, GeoPackage, CSV; scope is shared by every format)', async () => {
    for (const [name, layer] of Object.entries(LAYERS)) {
      if (name === 'districts' || name === 'zones') continue
      const ids = await expectedIds(layer, 'viettel')
      for (const format of ['geojson', 'gpkg', 'csv'] as const) {
        const read = await gdalRead(await download(layer.route, format, viettel), format, layer.point)
        expect(
          read.map((r) => r.id).sort((a, b) => a - b),
          `${name} ${format}`,
        ).toEqual(ids)
      }
    }
    const mine = await gdalRead(await download('poles', 'geojson', mobifone), 'geojson', true)
    for (const p of mine) {
      expect(p.props.carriers ?? null).toBeNull() // a carrier sees counts on poles, not the other carriers
      expect(p.props.mine).toBe(false)
    }
  })

  it('signed-in layers refuse the public; the public gets only public stations and districts', async () => {
    for (const route of ['stations', 'poles', 'cable-routes', 'ducts', 'conversion-items', 'zones']) {
      const res = await app.request('GET', `/api/exports/${route}?format=csv`)
      expect(res.status, route).toBe(401)
    }
    const pub = await gdalRead(await download('public-stations', 'gpkg'), 'gpkg', true)
    const inService = await app.db.many<{ id: number }>(
      `SELECT id FROM stations WHERE state = 'in_service' AND (NOT temporary OR valid_to >= current_date)`,
    )
    expect(pub.map((r) => r.id).sort((a, b) => a - b)).toEqual(inService.map((r) => Number(r.id)).sort((a, b) => a - b))
    for (const f of pub) {
      expect(f.props).not.toHaveProperty('site_code')
      expect(f.props).not.toHaveProperty('address')
      expect(f.props).not.toHaveProperty('decision')
    }
    const districts = await gdalRead(await download('districts', 'geojson'), 'geojson', false)
    expect(districts.length).toBe((await expectedIds(LAYERS.districts!, null)).length)
  })

  it('an inspector exports cable routes; a bad format or bbox is a 400 and nothing is written', async () => {
    const inspector = (await app.user('exp-inspector', 'inspector')).cookie
    expect((await app.request('GET', '/api/exports/cable-routes?format=kml', { cookie: inspector })).status).toBe(200)
    const bad = await app.request('GET', '/api/exports/poles?format=dxf', { cookie: officer })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect((await app.request('GET', '/api/exports/zones?bbox=2,1,1,2', { cookie: officer })).status).toBe(400)
  })
})
