import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app'
import { insertStationGrid } from '../helpers/stations'
import { generateProvince } from '../../gis-data/province'
import { loadConfig } from '../../server/config'
import { publicStations } from '../../server/opendata/service'
import { collectionById } from '../../server/ogc/collections'
import { items } from '../../server/ogc/service'

// The open data of stations in service: stable addresses, licence, date, and the same stations as the OGC API.
const run = promisify(execFile) // GDAL runs while this process serves: never block the event loop
let exact: TestApp
let inService: number[]

beforeAll(async () => {
  exact = await startTestApp()
  await generateProvince(exact.db, '79', 20_170_601)
  const rows = await insertStationGrid(exact.db, 'OPEN', 20)
  inService = rows.filter((r) => r.state === 'in_service').map((r) => r.id)
})
afterAll(() => exact.close())

const positions = (app: TestApp) =>
  app.db.many<{ id: number; lon: number; lat: number }>(
    `SELECT id::int AS id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM stations
      WHERE province_code = '79' AND state = 'in_service' AND (NOT temporary OR valid_to >= current_date)
      ORDER BY id`,
  )

describe('open data', () => {
  it('describes the dataset: licence, date of the last change, count, stable download addresses', async () => {
    const res = await exact.request('GET', '/api/open-data')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=600')
    const meta = await res.json()
    const { updated } = await exact.db.one<{ updated: string }>(
      `SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated FROM stations`,
    )
    expect(meta).toMatchObject({ licence: 'CC BY 4.0', updated, count: inService.length, positionDecimals: null })
    expect(meta.downloads.map((d: { href: string }) => new URL(d.href).pathname)).toEqual([
      '/api/open-data/stations.csv',
      '/api/open-data/stations.geojson',
    ])
    const configured = loadConfig({ OPEN_DATA_LICENCE: 'CC BY 4.0 — Sở TT&TT', OPEN_DATA_DECIMALS: '3' })
    expect(configured).toMatchObject({ openDataLicence: 'CC BY 4.0 — Sở TT&TT', openDataDecimals: 3 })
    expect(() => loadConfig({ OPEN_DATA_DECIMALS: '0.5' })).toThrow(/OPEN_DATA_DECIMALS/)
  })

  it('serves CSV for spreadsheets (BOM, CRLF) with every public station at its recorded position', async () => {
    const res = await exact.request('GET', '/api/open-data/stations.csv')
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n') // the decoder drops the BOM
    expect(lines[0]).toBe('id,operator,mast_class,mast_height_m,technologies,district,temporary,lon,lat')
    const stored = await positions(exact)
    expect(lines).toHaveLength(stored.length + 1)
    const byId = new Map(lines.slice(1).map((l) => [Number(l.split(',')[0]), l.split(',')]))
    for (const s of stored) {
      const row = byId.get(s.id)!
      // 9 decimals of a degree (0,1 mm), as the OGC API answers
      expect(Number(row[7])).toBeCloseTo(s.lon, 8)
      expect(Number(row[8])).toBeCloseTo(s.lat, 8)
      expect(row[2]).toBe('A2a')
    }
  })

  it('rounds public positions as set, in the files and the public OGC layer, not for staff', async () => {
    const stored = new Map((await positions(exact)).map((s) => [s.id, s]))
    const roundedStations = await publicStations(exact.db, '79', 3)
    expect(roundedStations).toHaveLength(stored.size)
    for (const f of roundedStations) {
      const s = stored.get(f.id)!
      expect(f.geometry.coordinates[0]).toBeCloseTo(Math.round(s.lon * 1000) / 1000, 9)
      expect(f.geometry.coordinates[1]).toBeCloseTo(Math.round(s.lat * 1000) / 1000, 9)
    }
    const collection = collectionById('stations')!
    const request = { limit: 100, offset: 0, publicDecimals: 3 }
    const pub = await items(exact.db, collection, { kind: 'public' }, '79', request)
    expect(pub.features.map((f) => f.geometry)).toEqual(roundedStations.map((f) => f.geometry))
    const staff = await items(exact.db, collection, { kind: 'staff' }, '79', request)
    const first = staff.features.find((f) => f.id === inService[0]) as { geometry: { coordinates: number[] } }
    const s = stored.get(inService[0]!)!
    expect(first.geometry.coordinates[0]).toBeCloseTo(s.lon, 8)
    expect(first.geometry.coordinates[0]).not.toBeCloseTo(Math.round(s.lon * 1000) / 1000, 6)
  })

  it('GDAL reads both files with the right count and places', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-data-'))
    try {
      for (const [name, extra] of [
        ['stations.geojson', []],
        ['stations.csv', ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat']],
      ] as const) {
        const file = path.join(dir, name)
        fs.writeFileSync(file, Buffer.from(await (await exact.request('GET', `/api/open-data/${name}`)).arrayBuffer()))
        const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', ...extra, file], { timeout: 60_000 })
        expect(stdout).toContain(`Feature Count: ${inService.length}`)
        const lons = (await positions(exact)).map((s) => s.lon)
        const extent = /Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)/.exec(stdout)!
        expect(Number(extent[1])).toBeCloseTo(Math.min(...lons), 6)
        expect(Number(extent[3])).toBeCloseTo(Math.max(...lons), 6)
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
